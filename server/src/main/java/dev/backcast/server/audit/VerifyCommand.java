package dev.backcast.server.audit;

import dev.backcast.query.audit.PackageVerifier;
import dev.backcast.query.audit.SealKeys;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;

/**
 * {@code java -jar backcast.jar verify package.zip [--key=public-key.pem]}: checks an evidence package with no
 * server and no database. Exit status 0 when the package proves its history, 1 when it does not, 2 on bad usage.
 */
public final class VerifyCommand {

    public static final String NAME = "verify";
    private static final String USAGE = "usage: java -jar backcast.jar verify <package.zip> [--key=<public-key.pem>]";

    private VerifyCommand() {
    }

    public static int run(String[] args, PrintStream out) {
        Path packageFile = null;
        PublicKey organisationKey = null;
        try {
            for (int i = 1; i < args.length; i++) {
                if (args[i].startsWith("--key=")) {
                    organisationKey = SealKeys.readPublicKey(Files.readString(Path.of(args[i].substring(6)),
                            StandardCharsets.US_ASCII));
                } else if (packageFile == null && !args[i].startsWith("--")) {
                    packageFile = Path.of(args[i]);
                } else {
                    out.println(USAGE);
                    return 2;
                }
            }
            if (packageFile == null || !Files.isRegularFile(packageFile)) {
                out.println(packageFile == null ? USAGE : "no such file: " + packageFile);
                return 2;
            }
            PackageVerifier.Outcome outcome = PackageVerifier.verify(packageFile, organisationKey);
            outcome.findings().forEach(out::println);
            out.println(outcome.trustworthy() ? "VERIFIED: the package proves the plan's history"
                    : "NOT VERIFIED: see FAIL above");
            return outcome.trustworthy() ? 0 : 1;
        } catch (IOException | UncheckedIOException | IllegalArgumentException unreadable) {
            out.println("NOT VERIFIED: the package cannot be read: " + unreadable.getMessage());
            return 1;
        }
    }
}
