package dev.backcast.query.exports;

import dev.backcast.plan.PlanState;
import dev.backcast.plan.ScheduleFileMarks;
import dev.backcast.plan.baselines.Baseline;
import dev.backcast.plan.milestones.Milestone;
import dev.backcast.plan.scheduling.BackwardScheduler;
import dev.backcast.plan.scheduling.CalendarKind;
import dev.backcast.plan.scheduling.MilestoneSchedule;
import dev.backcast.plan.scheduling.Schedule;
import dev.backcast.plan.scheduling.StepSchedule;
import dev.backcast.plan.steps.ActionStep;
import org.mpxj.ConstraintType;
import org.mpxj.Duration;
import org.mpxj.ProjectCalendar;
import org.mpxj.ProjectFile;
import org.mpxj.ProjectProperties;
import org.mpxj.Relation;
import org.mpxj.Resource;
import org.mpxj.ScheduleFrom;
import org.mpxj.Task;
import org.mpxj.TimeUnit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A plan as a schedule file: milestones are tasks finishing on their due dates, scheduled as late as possible from
 * the target date so the file opens with the same dates; predecessors are finish-to-start links, a pinned deadline
 * is the task's deadline and a "finish no later than" constraint, a reached milestone is complete on the day it was
 * reached, steps are subtasks, and the named baselines fill Baseline, Baseline1, … ("approved" first).
 */
public final class ScheduleExport {

    /** Microsoft Project has eleven baseline slots. */
    public static final int BASELINE_SLOTS = 11;
    private static final LocalTime DAY_STARTS = LocalTime.of(8, 0);
    private static final LocalTime DAY_ENDS = LocalTime.of(17, 0);

    private final PlanState plan;
    private final Schedule schedule;
    private final ProjectFile file = new ProjectFile();
    private final Map<String, Resource> resources = new HashMap<>();

    private ScheduleExport(PlanState plan, LocalDate asOf) {
        this.plan = plan;
        this.schedule = BackwardScheduler.schedule(plan, asOf);
    }

    /** The plan as it stands, scheduled as of {@code asOf}, in {@code format}. */
    public static byte[] write(PlanState plan, LocalDate asOf, ScheduleFormat format) {
        ProjectFile file = new ScheduleExport(plan, asOf).project(format.hasProjectSummaryTask());
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        try {
            format.writer().write(file, written);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written.toByteArray();
    }

    /** The baselines in the order they fill the file's slots: the approved one first, the others as captured. */
    public static List<Baseline> baselinesBySlot(PlanState plan) {
        List<Baseline> ordered = new ArrayList<>();
        plan.baselines().values().stream().filter(baseline -> baseline.name().equals("approved"))
                .forEach(ordered::add);
        plan.baselines().values().stream().filter(baseline -> !baseline.name().equals("approved"))
                .forEach(ordered::add);
        return ordered.subList(0, Math.min(ordered.size(), BASELINE_SLOTS));
    }

    /**
     * @param withSummaryTask whether the tasks sit under the project's summary task (ID 0), which holds the target
     *                        date of each baseline
     */
    private ProjectFile project(boolean withSummaryTask) {
        ProjectProperties properties = file.getProjectProperties();
        properties.setProjectTitle(plan.title());
        properties.setName(plan.title());
        properties.setSubject(plan.goal().headline());
        properties.setComments(plan.goal().solution());
        properties.setScheduleFrom(ScheduleFrom.FINISH);
        properties.setDefaultStartTime(DAY_STARTS);
        properties.setDefaultEndTime(DAY_ENDS);
        properties.setFinishDate(finish(plan.targetDate()));
        if (schedule.mustStartBy() != null) {
            properties.setStartDate(start(schedule.mustStartBy()));
        }
        file.setDefaultCalendar(calendar());

        List<Baseline> baselines = baselinesBySlot(plan);
        Task summary = null;
        if (withSummaryTask) {
            summary = file.addTask();
            summary.setID(0);
            summary.setUniqueID(0);
            summary.setOutlineLevel(0);
            summary.setSummary(true);
            summary.setName(plan.title());
            summary.setFinish(finish(plan.targetDate()));
            for (int slot = 0; slot < baselines.size(); slot++) {
                setBaselineFinish(summary, slot, baselines.get(slot).targetDate());
            }
        }

        Map<UUID, Task> tasks = new LinkedHashMap<>();
        int row = 1;
        for (Milestone milestone : plan.milestones().values()) {
            MilestoneSchedule dates = schedule.milestones().get(milestone.id());
            Task task = summary == null ? file.addTask() : summary.addTask();
            task.setID(row++);
            task.setUniqueID(task.getID());
            task.setName(milestone.name());
            task.setNotes(milestone.definitionOfDone());
            assign(task, milestone.owner());
            dated(task, dates.leadTimeDays(), dates.startBy(), dates.due());
            if (milestone.deadline() != null) {
                task.setDeadline(finish(milestone.deadline()));
                task.setConstraintType(ConstraintType.FINISH_NO_LATER_THAN);
                task.setConstraintDate(finish(milestone.deadline()));
            } else {
                task.setConstraintType(ConstraintType.AS_LATE_AS_POSSIBLE);
            }
            if (milestone.reached()) {
                task.setPercentageComplete(100);
                task.setActualStart(task.getStart());
                task.setActualFinish(finish(milestone.reachedOn()));
            }
            for (int slot = 0; slot < baselines.size(); slot++) {
                setBaselineFinish(task, slot, baselines.get(slot).dueDates().get(milestone.id()));
            }
            if (!milestone.steps().isEmpty()) {
                task.setSummary(true);
                task.setText(ScheduleFileMarks.MARK_FIELD, ScheduleFileMarks.MILESTONE);
                task.setText(ScheduleFileMarks.LEAD_TIME_FIELD, String.valueOf(milestone.leadTimeDays()));
                row = steps(task, milestone, dates, row);
            }
            tasks.put(milestone.id(), task);
        }
        for (Milestone milestone : plan.milestones().values()) {
            for (UUID predecessor : milestone.predecessors()) {
                tasks.get(milestone.id()).addPredecessor(new Relation.Builder().predecessorTask(tasks.get(predecessor)));
            }
        }
        return file;
    }

    private int steps(Task milestoneTask, Milestone milestone, MilestoneSchedule dates, int firstRow) {
        int row = firstRow;
        Map<UUID, Task> stepTasks = new HashMap<>();
        for (ActionStep step : milestone.steps().values()) {
            StepSchedule stepDates = dates.steps().get(step.id());
            Task task = milestoneTask.addTask();
            task.setID(row++);
            task.setUniqueID(task.getID());
            task.setName(step.description());
            task.setText(ScheduleFileMarks.MARK_FIELD, ScheduleFileMarks.STEP);
            assign(task, step.owner());
            dated(task, step.durationDays(), stepDates.startBy(), stepDates.due());
            task.setConstraintType(ConstraintType.AS_LATE_AS_POSSIBLE);
            if (step.done()) {
                task.setPercentageComplete(100);
                task.setActualStart(task.getStart());
                task.setActualFinish(finish(step.doneOn()));
            }
            stepTasks.put(step.id(), task);
        }
        for (ActionStep step : milestone.steps().values()) {
            for (UUID predecessor : step.predecessors()) {
                stepTasks.get(step.id()).addPredecessor(new Relation.Builder()
                        .predecessorTask(stepTasks.get(predecessor)));
            }
        }
        return row;
    }

    private void dated(Task task, int days, LocalDate startBy, LocalDate due) {
        task.setDuration(Duration.getInstance(days, TimeUnit.DAYS));
        task.setFinish(finish(due));
        task.setLateFinish(finish(due));
        task.setStart(days == 0 ? finish(due) : start(startBy));
        task.setLateStart(task.getStart());
        task.setMilestone(days == 0);
    }

    private void assign(Task task, String owner) {
        if (owner == null || owner.isBlank()) {
            return;
        }
        Resource resource = resources.computeIfAbsent(owner, name -> {
            Resource added = file.addResource();
            added.setName(name);
            return added;
        });
        task.addResourceAssignment(resource);
    }

    private static void setBaselineFinish(Task task, int slot, LocalDate day) {
        if (day == null) {
            return;
        }
        if (slot == 0) {
            task.setBaselineFinish(finish(day));
        } else {
            task.setBaselineFinish(slot, finish(day));
        }
    }

    /** Monday to Friday, 8:00 to 17:00, with the plan's holidays; every day works in a calendar-day plan. */
    private ProjectCalendar calendar() {
        ProjectCalendar calendar = file.addDefaultBaseCalendar();
        if (plan.calendar().kind() == CalendarKind.CALENDAR_DAYS) {
            for (DayOfWeek day : Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)) {
                calendar.setWorkingDay(day, true);
                calendar.addDefaultCalendarHours(day);
            }
        } else {
            plan.calendar().holidays().forEach(calendar::addCalendarException);
        }
        return calendar;
    }

    /** Where a task whose start-by is {@code startBy} starts: the first working morning after it. */
    private LocalDateTime start(LocalDate startBy) {
        return plan.calendar().onOrAfter(startBy.plusDays(1)).atTime(DAY_STARTS);
    }

    private static LocalDateTime finish(LocalDate day) {
        return day.atTime(DAY_ENDS);
    }
}
