package dev.backcast.server.web;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

import java.beans.PropertyEditorSupport;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Function;

/**
 * Query parameters and path ids take the same exact forms as request bodies ({@link ExactValues}). Registered as
 * editors because Spring falls back to its lenient default editors when a conversion service refuses a value. An
 * empty query parameter is what an HTML form sends for an empty field, so it means "not given".
 */
@ControllerAdvice
public class StrictQueryParameters {

    @InitBinder
    void exactValues(WebDataBinder binder) {
        binder.registerCustomEditor(LocalDate.class, new Exact(ExactValues::date));
        binder.registerCustomEditor(Instant.class, new Exact(ExactValues::instant));
        binder.registerCustomEditor(UUID.class, new Exact(ExactValues::uuid));
        binder.registerCustomEditor(Long.class, new Exact(ExactValues::wholeNumber));
        binder.registerCustomEditor(long.class, new Exact(ExactValues::wholeNumber));
        binder.registerCustomEditor(Integer.class, new Exact(ExactValues::smallWholeNumber));
        binder.registerCustomEditor(int.class, new Exact(ExactValues::smallWholeNumber));
        binder.registerCustomEditor(Boolean.class, new Exact(ExactValues::truth));
        binder.registerCustomEditor(boolean.class, new Exact(ExactValues::truth));
    }

    private static final class Exact extends PropertyEditorSupport {

        private final Function<String, Object> parse;

        Exact(Function<String, Object> parse) {
            this.parse = parse;
        }

        @Override
        public void setAsText(String text) {
            setValue(text == null || text.isEmpty() ? null : parse.apply(text));
        }
    }
}
