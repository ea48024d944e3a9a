package dev.backcast.server.security;

import java.util.List;

/** Who may do what: planners write and read, viewers read, admins run the administration endpoints. */
public final class Roles {

    public static final String PLANNER = "PLANNER";
    public static final String VIEWER = "VIEWER";
    public static final String ADMIN = "ADMIN";
    public static final List<String> ALL = List.of(PLANNER, VIEWER, ADMIN);

    private Roles() {
    }
}
