package dev.backcast.command.imports;

import dev.backcast.plan.ImportPlan;
import dev.backcast.plan.baselines.Baseline;
import dev.backcast.plan.scheduling.CalendarKind;
import dev.backcast.plan.scheduling.Schedule;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * How a file became a plan: where every task went, the due date Backcast's backward pass gives it beside the late
 * finish the originating tool stored, the baselines, and every approximation.
 *
 * @param tasksRead every task of the file, summaries included
 */
public record ImportReport(SourceFile file, String title, String portfolio, LocalDate targetDate,
                           CalendarKind calendar, List<LocalDate> holidays, int tasksRead,
                           List<ImportedMilestone> milestones, List<MappedBaseline> baselines, List<Warning> warnings) {

    /** The file as received: its name, the format its content showed, its SHA-256 and size. */
    public record SourceFile(String name, String format, String sha256, long bytes) {
    }

    /**
     * A task that became a milestone.
     *
     * @param taskUniqueId   the task's unique ID in the file
     * @param taskId         the task's row number in the file
     * @param predecessors   the row numbers of the tasks it follows
     * @param fileLateFinish the late finish the tool stored for the task, if any
     */
    public record ImportedMilestone(Integer taskUniqueId, Integer taskId, String name, UUID milestoneId,
                                    int leadTimeDays, List<Integer> predecessors, LocalDate deadline,
                                    LocalDate reachedOn, LocalDate dueDate, LocalDate fileLateFinish) {

        ImportedMilestone due(LocalDate day) {
            return new ImportedMilestone(taskUniqueId, taskId, name, milestoneId, leadTimeDays, predecessors, deadline,
                    reachedOn, day, fileLateFinish);
        }
    }

    /** A baseline of the file, recorded under this name. */
    public record MappedBaseline(String name, LocalDate targetDate, int milestones) {

        static MappedBaseline of(Baseline baseline) {
            return new MappedBaseline(baseline.name(), baseline.targetDate(), baseline.dueDates().size());
        }
    }

    /** What the file holds that Backcast cannot represent, which tasks it concerns, and what was done instead. */
    public record Warning(String what, List<String> tasks, String approximation) {
    }

    /** The report before the plan's schedule is known: its milestones have no due date yet. */
    record Draft(SourceFile file, int tasksRead, List<ImportedMilestone> milestones, List<MappedBaseline> baselines,
                 List<Warning> warnings) {

        ImportReport complete(ImportPlan command, Schedule schedule) {
            List<ImportedMilestone> scheduled = milestones.stream()
                    .map(milestone -> milestone.due(schedule.dueDates().get(milestone.milestoneId()))).toList();
            return new ImportReport(file, command.plan().title(), command.plan().portfolio(),
                    command.plan().goal().targetDate(), command.plan().calendar(), command.plan().holidays(),
                    tasksRead, scheduled, baselines, warnings);
        }
    }
}
