package dev.backcast.server.ui;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The sign-in form (Spring Security checks what it posts), the start page, and the page for a refused visit. */
@Controller
public class SignInPages {

    @GetMapping("/")
    public String start() {
        return "redirect:/plans";
    }

    @GetMapping("/login")
    public String signIn() {
        return "sign-in";
    }

    @RequestMapping("/denied")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    public String denied(Model model) {
        model.addAttribute("title", "Not allowed");
        model.addAttribute("detail", "Your role does not allow this page. Sign in as someone who may open it.");
        return "failure";
    }
}
