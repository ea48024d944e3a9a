package dev.backcast.query.exports;

import org.mpxj.mpx.MPXWriter;
import org.mpxj.mspdi.MSPDIWriter;
import org.mpxj.planner.PlannerWriter;
import org.mpxj.writer.ProjectWriter;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** The schedule formats a plan is exported to, with what a download of each is called. */
public enum ScheduleFormat {

    /** Microsoft Project XML: opened by Microsoft Project, ProjectLibre and GanttProject. */
    MSPDI("application/xml", ".xml", MSPDIWriter::new, true),
    MPX("application/x-project", ".mpx", MPXWriter::new, true),
    /** Planner has no project summary task: a task without work of its own cannot be read back. */
    PLANNER("application/xml", ".planner", PlannerWriter::new, false);

    private final String mediaType;
    private final String extension;
    private final Supplier<ProjectWriter> writer;
    private final boolean projectSummaryTask;

    ScheduleFormat(String mediaType, String extension, Supplier<ProjectWriter> writer, boolean projectSummaryTask) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.writer = writer;
        this.projectSummaryTask = projectSummaryTask;
    }

    public static Optional<ScheduleFormat> named(String name) {
        return Arrays.stream(values()).filter(format -> format.parameter().equals(name)).findFirst();
    }

    /** The value of {@code ?format=}. */
    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    boolean hasProjectSummaryTask() {
        return projectSummaryTask;
    }

    ProjectWriter writer() {
        return writer.get();
    }
}
