package dev.backcast.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

/** Which server processes hold the plans projection's segments, read from the token table as Axon keeps it. */
final class ProjectionClaims {

    private ProjectionClaims() {
    }

    /** The pids of the holders; "nobody" stands for a segment no one holds, or for no segment at all yet. */
    static Set<String> owners(String jdbcUrl) throws SQLException {
        Set<String> owners = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT owner FROM token_entry WHERE processor_name = 'plans'")) {
            while (rows.next()) {
                String owner = rows.getString("owner");
                owners.add(owner == null ? "nobody" : owner.split("@")[0]);
            }
        }
        if (owners.isEmpty()) {
            owners.add("nobody");
        }
        return owners;
    }

    static String pid(ServerProcess process) {
        return Long.toString(process.pid());
    }
}
