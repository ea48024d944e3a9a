package dev.backcast.query.audit;

import dev.backcast.query.history.PlanRevision;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

/** The plain-language report of a plan's whole history in an evidence package: a page that reads and prints well. */
final class HistoryReport {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private HistoryReport() {
    }

    static String render(PackageManifest manifest, ChainReport chain, SealStatement seal, InclusionProof proof,
                         List<PlanRevision> revisions) {
        StringBuilder html = new StringBuilder(4096 + revisions.size() * 400);
        html.append("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <title>History of %s</title>
                <style>
                  body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; color: #1b1b1b; }
                  h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
                  dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
                  dt { font-weight: 600; } dd { margin: 0; overflow-wrap: anywhere; }
                  table { border-collapse: collapse; width: 100%%; } th, td { text-align: left; vertical-align: top;
                    padding: .35rem .5rem; border-bottom: 1px solid #ccc; } th { background: #f2f2f2; }
                  tr.baseline td { background: #f6f1dc; } .verdict { font-weight: 700; }
                  td.when, td.number { white-space: nowrap; }
                  code { font-size: .85em; overflow-wrap: anywhere; }
                  @media print { body { margin: 0; max-width: none; } tr { break-inside: avoid; }
                    thead { display: table-header-group; } }
                </style></head><body>
                """.formatted(escape(manifest.title())));
        html.append("<h1>").append(escape(manifest.title())).append("</h1>\n<p>Plan <code>")
                .append(escape(manifest.planId())).append("</code>, exported ")
                .append(instant(manifest.exportedAt()))
                .append(", ").append(manifest.events()).append(" recorded events.</p>\n");
        html.append("<h2>Integrity</h2>\n<dl>\n");
        item(html, "Chain of recorded events", chain.intact()
                ? "<span class=\"verdict\">Intact</span>: every event still hashes to the chain recorded when it "
                + "was appended, up to revision " + chain.headRevision()
                : "<span class=\"verdict\">Broken at revision " + chain.failure().revision() + " ("
                + chain.failure().problem() + ")</span>: " + escape(chain.failure().detail()));
        item(html, "Chain hash at the head", "<code>" + escape(chain.headChainHash()) + "</code>");
        if (seal == null) {
            item(html, "Seal", "No seal covered this plan when the package was made.");
        } else {
            item(html, "Seal", "<code>" + seal.sealId() + "</code> taken " + instant(seal.takenAt()) + " over "
                    + seal.planCount() + " plans; it covers this plan up to revision " + proof.revision());
            item(html, "Seal root hash", "<code>" + escape(seal.rootHash()) + "</code>");
            item(html, "Signing key", "<code>" + escape(seal.keyFingerprint()) + "</code>");
        }
        html.append("</dl>\n<p>Check this package without Backcast's server or database: "
                + "<code>java -jar backcast.jar verify this-package.zip --key=organisation-public-key.pem</code></p>\n");
        html.append("<h2>Revisions</h2>\n<table>\n<thead><tr><th scope=\"col\">Revision</th><th scope=\"col\">Recorded"
                + "</th><th scope=\"col\">Author</th><th scope=\"col\">Decision</th><th scope=\"col\">Reason</th>"
                + "<th scope=\"col\">Change set</th></tr></thead>\n<tbody>\n");
        for (PlanRevision revision : revisions) {
            boolean baseline = Objects.toString(revision.eventType(), "").startsWith("Baseline");
            html.append(baseline ? "<tr class=\"baseline\">" : "<tr>")
                    .append("<td class=\"number\">").append(revision.revision()).append("</td>")
                    .append("<td class=\"when\">").append(instant(revision.recordedAt())).append("</td>")
                    .append("<td>").append(escape(revision.author())).append("</td>")
                    .append("<td>").append(baseline ? "<strong>Baseline:</strong> " : "")
                    .append(escape(revision.summary())).append("</td>")
                    .append("<td>").append(escape(reason(revision))).append("</td>")
                    .append("<td>").append(escape(revision.changeSetMessage())).append("</td></tr>\n");
        }
        html.append("</tbody></table>\n</body></html>\n");
        return html.toString();
    }

    private static void item(StringBuilder html, String term, String description) {
        html.append("<dt>").append(term).append("</dt><dd>").append(description).append("</dd>\n");
    }

    private static String reason(PlanRevision revision) {
        if (revision.reasonCategory() == null) {
            return "";
        }
        return revision.reasonNote() == null ? revision.reasonCategory()
                : revision.reasonCategory() + ": " + revision.reasonNote();
    }

    private static String instant(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    private static String escape(String text) {
        return text == null ? "" : htmlEscape(text);
    }
}
