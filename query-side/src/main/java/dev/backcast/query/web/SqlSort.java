package dev.backcast.query.web;

import java.util.Map;

/**
 * A list's {@code sort} parameter ("key" or "key,desc") as an SQL ORDER BY, checked against the keys it offers. Ties
 * follow the sort's direction, so one index on (key, tie-break) serves both directions.
 */
public final class SqlSort {

    private SqlSort() {
    }

    /**
     * @param columns   each sort key's column or expression
     * @param tieBreak  the column that orders ties
     */
    public static String orderBy(String sort, Map<String, String> columns, String tieBreak) {
        String[] parts = sort.split(",");
        String column = columns.get(parts[0].strip());
        if (column == null || parts.length > 2 || (parts.length == 2 && !parts[1].strip().matches("(?i)asc|desc"))) {
            throw new BadQuery("sort", "sort must be one of " + columns.keySet().stream().sorted().toList()
                    + ", optionally followed by ',asc' or ',desc'; it was '" + sort + "'");
        }
        boolean descending = parts.length == 2 && parts[1].strip().equalsIgnoreCase("desc");
        String direction = descending ? " DESC" : " ASC";
        return column + direction + ", " + tieBreak + direction;
    }
}
