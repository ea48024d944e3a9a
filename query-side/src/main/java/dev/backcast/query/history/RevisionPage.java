package dev.backcast.query.history;

import java.util.List;

/**
 * A page of a plan's history.
 *
 * @param nextCursor pass as {@code cursor} to read on; null on the last page. Stable: entries recorded later never
 *                   shift what the next page holds.
 */
public record RevisionPage(List<RevisionEntry> items, String nextCursor) {
}
