package dev.backcast.server.security;

import java.util.Arrays;
import java.util.List;

/** A user from configuration: {@code name:password:ROLE[+ROLE]}; the password may itself contain colons. */
public record ConfiguredUser(String name, String password, List<String> roles) {

    public static List<ConfiguredUser> parseAll(String users) {
        if (users == null || users.isBlank()) {
            return List.of();
        }
        return Arrays.stream(users.split(",")).map(String::strip).filter(entry -> !entry.isEmpty())
                .map(ConfiguredUser::parse).toList();
    }

    static ConfiguredUser parse(String entry) {
        int firstColon = entry.indexOf(':');
        int lastColon = entry.lastIndexOf(':');
        if (firstColon <= 0 || lastColon == firstColon || lastColon == entry.length() - 1) {
            throw new IllegalArgumentException("A user must be given as name:password:ROLE[+ROLE], e.g. "
                    + "alice:secret:PLANNER; got an entry starting with '"
                    + entry.substring(0, Math.max(0, firstColon)) + "'");
        }
        List<String> roles = Arrays.stream(entry.substring(lastColon + 1).split("\\+")).map(String::strip)
                .map(String::toUpperCase).toList();
        for (String role : roles) {
            if (!Roles.ALL.contains(role)) {
                throw new IllegalArgumentException("Unknown role " + role + " for user "
                        + entry.substring(0, firstColon) + "; roles are " + Roles.ALL);
            }
        }
        return new ConfiguredUser(entry.substring(0, firstColon), entry.substring(firstColon + 1, lastColon), roles);
    }

    /** A demo password is the user's own name: fine on a laptop, never with a real database. */
    public boolean hasDemoPassword() {
        return password.equals(name) || password.equals("{noop}" + name);
    }
}
