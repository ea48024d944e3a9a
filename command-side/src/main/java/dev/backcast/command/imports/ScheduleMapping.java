package dev.backcast.command.imports;

import dev.backcast.command.plan.Checks;
import dev.backcast.plan.CreatePlan;
import dev.backcast.plan.Goal;
import dev.backcast.plan.ImportPlan;
import dev.backcast.plan.PlanChange;
import dev.backcast.plan.Reason;
import dev.backcast.plan.ReasonCategory;
import dev.backcast.plan.ScheduleFileMarks;
import dev.backcast.plan.baselines.Baseline;
import dev.backcast.plan.milestones.AddMilestone;
import dev.backcast.plan.milestones.ReachMilestone;
import dev.backcast.plan.scheduling.CalendarKind;
import dev.backcast.plan.steps.AddStep;
import dev.backcast.plan.steps.MarkStepDone;
import org.mpxj.ConstraintType;
import org.mpxj.Duration;
import org.mpxj.ProjectCalendar;
import org.mpxj.ProjectCalendarException;
import org.mpxj.ProjectFile;
import org.mpxj.ProjectProperties;
import org.mpxj.Relation;
import org.mpxj.RelationType;
import org.mpxj.ResourceAssignment;
import org.mpxj.Task;
import org.mpxj.TimeUnit;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns a schedule read by MPXJ into the command that imports it and the report of how every task was mapped. What
 * Backcast cannot represent is approximated and named in a warning, never dropped silently.
 */
final class ScheduleMapping {

    /** More tasks than a plan can usefully hold: the import is refused rather than taking minutes. */
    static final int MAX_TASKS = 5_000;
    static final String NAME_SEPARATOR = " › ";
    private static final int BASELINES = 11;
    private static final int MAX_HOLIDAYS = 2_000;
    private static final Set<ConstraintType> FINISH_BY = EnumSet.of(ConstraintType.MUST_FINISH_ON,
            ConstraintType.FINISH_NO_LATER_THAN, ConstraintType.FINISH_ON);
    private static final Set<ConstraintType> SCHEDULED_FREELY = EnumSet.of(ConstraintType.AS_SOON_AS_POSSIBLE,
            ConstraintType.AS_LATE_AS_POSSIBLE);
    private static final Set<TimeUnit> ELAPSED = EnumSet.of(TimeUnit.ELAPSED_MINUTES, TimeUnit.ELAPSED_HOURS,
            TimeUnit.ELAPSED_DAYS, TimeUnit.ELAPSED_WEEKS, TimeUnit.ELAPSED_MONTHS, TimeUnit.ELAPSED_YEARS,
            TimeUnit.ELAPSED_PERCENT);

    /** What the person importing asked for; nulls take the file's values. */
    record Request(String fileName, String sha256, long bytes, String title, String portfolio, LocalDate targetDate) {
    }

    /** The command that records the import, and what the report says about the file before any date is computed. */
    record Mapped(ImportPlan command, ImportReport.Draft report) {
    }

    private final ProjectFile project;
    private final ProjectProperties properties;
    private final Request request;
    private final LocalDate today;
    private final Reason reason;
    private final Warnings warnings = new Warnings();

    private ScheduleMapping(ProjectFile project, Request request, LocalDate today) {
        this.project = project;
        this.properties = project.getProjectProperties();
        this.request = request;
        this.today = today;
        this.reason = new Reason(ReasonCategory.OTHER, "Imported from " + request.fileName());
    }

    static Mapped map(ScheduleFiles.Read read, Request request, LocalDate today) {
        return new ScheduleMapping(read.project(), request, today).map(read.format());
    }

    private Mapped map(String format) {
        List<Task> tasks = project.getTasks().stream()
                .filter(task -> !task.getNull() && !Integer.valueOf(0).equals(task.getID()))
                .toList();
        if (tasks.size() > MAX_TASKS) {
            throw ScheduleRejected.unrepresentable("The schedule has " + tasks.size() + " tasks; a plan imports at "
                    + "most " + MAX_TASKS + ". Import its phases as separate plans");
        }
        List<Task> leaves = new ArrayList<>();
        for (Task task : tasks) {
            if (isSummary(task) || isStep(task)) {
                continue;
            }
            if (task.getExternalTask()) {
                warnings.add("A task is a link to another project", task,
                        "left out; import the other project as its own plan");
            } else if (!task.getActive()) {
                warnings.add("A task is inactive", task, "left out, as the tool leaves it out of the schedule");
            } else {
                if (task.getCalendar() != null && task.getCalendar() != project.getDefaultCalendar()) {
                    warnings.add("Tasks with a calendar of their own", task, "scheduled on the plan's calendar");
                }
                leaves.add(task);
            }
        }
        if (leaves.isEmpty()) {
            throw ScheduleRejected.unrepresentable("The schedule has no tasks to become milestones");
        }
        Map<Task, UUID> ids = new LinkedHashMap<>();
        leaves.forEach(task -> ids.put(task, UUID.randomUUID()));
        Map<Task, Set<Task>> predecessors = predecessors(leaves, ids);
        List<Task> ordered = topologicalOrder(leaves, predecessors);

        String title = title();
        LocalDate targetDate = targetDate(leaves);
        CalendarKind calendar = calendar();
        List<LocalDate> holidays = calendar == CalendarKind.WORKING_DAYS ? holidays(leaves, targetDate) : List.of();
        List<PlanChange> changes = new ArrayList<>();
        List<ImportReport.ImportedMilestone> mappedTasks = new ArrayList<>();
        for (Task task : ordered) {
            UUID id = ids.get(task);
            int leadTime = leadTimeDays(task);
            LocalDate deadline = deadline(task, targetDate);
            List<UUID> predecessorIds = predecessors.get(task).stream().map(ids::get).toList();
            String name = name(task);
            changes.add(new AddMilestone(id, name, definitionOfDone(task), owner(task), leadTime,
                    predecessorIds, deadline, List.of(), reason));
            steps(task, id, changes);
            mappedTasks.add(new ImportReport.ImportedMilestone(task.getUniqueID(), task.getID(), name, id, leadTime,
                    predecessors.get(task).stream().map(Task::getID).toList(), deadline, reachedOn(task), null,
                    day(task.getLateFinish())));
        }
        for (int index = 0; index < ordered.size(); index++) {
            LocalDate reached = mappedTasks.get(index).reachedOn();
            if (reached != null) {
                changes.add(new ReachMilestone(ids.get(ordered.get(index)), reached, reason));
            }
        }
        Map<UUID, Integer> fileOrder = new HashMap<>();
        leaves.forEach(task -> fileOrder.put(ids.get(task), fileOrder.size()));
        mappedTasks.sort(Comparator.comparingInt(task -> fileOrder.get(task.milestoneId())));
        List<Baseline> baselines = baselines(leaves, ids);
        Goal goal = goal(title, targetDate);
        CreatePlan plan = new CreatePlan(UUID.randomUUID(), title, portfolio(), calendar, holidays, goal);
        String message = "Import " + request.fileName() + " (" + format + ", SHA-256 " + request.sha256() + ")";
        ImportPlan command = new ImportPlan(plan.planId(), plan, UUID.randomUUID(), message, changes, baselines,
                reason);
        return new Mapped(command, new ImportReport.Draft(
                new ImportReport.SourceFile(request.fileName(), format, request.sha256(), request.bytes()),
                tasks.size(), mappedTasks, baselines.stream().map(ImportReport.MappedBaseline::of).toList(),
                warnings.list()));
    }

    /** A summary task groups tasks, except a milestone Backcast wrote with its steps under it. */
    private static boolean isSummary(Task task) {
        return !isMarked(task, ScheduleFileMarks.MILESTONE) && (task.getSummary() || !task.getChildTasks().isEmpty());
    }

    private static boolean isMarked(Task task, String mark) {
        return mark.equals(task.getText(ScheduleFileMarks.MARK_FIELD));
    }

    /** A step Backcast wrote under its milestone. */
    private static boolean isStep(Task task) {
        return isMarked(task, ScheduleFileMarks.STEP) && task.getParentTask() != null
                && isMarked(task.getParentTask(), ScheduleFileMarks.MILESTONE);
    }

    private String title() {
        String title = firstText(request.title(), properties.getProjectTitle(), properties.getName(),
                request.fileName().replaceFirst("\\.[^.]*$", ""), "Imported schedule");
        if (title.length() > Checks.TITLE_LIMIT) {
            warnings.add("The project title is longer than " + Checks.TITLE_LIMIT + " characters", List.of(),
                    "cut to its first " + Checks.TITLE_LIMIT);
            title = title.substring(0, Checks.TITLE_LIMIT);
        }
        return title;
    }

    private String portfolio() {
        return request.portfolio() == null || request.portfolio().isBlank() ? null : request.portfolio().strip();
    }

    /** The date asked for, else the project's own deadline, else its finish date, else its latest task's finish. */
    private LocalDate targetDate(List<Task> leaves) {
        if (request.targetDate() != null) {
            return request.targetDate();
        }
        LocalDate deadline = day(properties.getMustFinishBy());
        if (deadline != null) {
            return deadline;
        }
        LocalDate lastTaskFinish = leaves.stream().map(task -> day(task.getFinish())).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        LocalDate finish = day(properties.getFinishDate());
        if (finish != null && lastTaskFinish != null && finish.isAfter(lastTaskFinish)) {
            warnings.add("The project's finish date " + finish + " is after its last task's finish "
                    + lastTaskFinish, List.of(), "the target date is the project's finish date, so due dates lie "
                    + "later than the file's late finishes; import with targetDate=" + lastTaskFinish + " to match");
        }
        if (finish == null) {
            finish = lastTaskFinish;
        }
        if (finish == null) {
            throw ScheduleRejected.unrepresentable("The schedule has no finish date; give the plan's target date "
                    + "in the targetDate field");
        }
        return finish;
    }

    private Goal goal(String title, LocalDate targetDate) {
        String placeholder = "Imported from " + request.fileName() + "; write the press release before approval.";
        String solution = firstText(properties.getComments(), properties.getSubject(), placeholder);
        if (solution.length() > Checks.TEXT_LIMIT) {
            warnings.add("The project's comments are longer than " + Checks.TEXT_LIMIT + " characters", List.of(),
                    "cut to their beginning as the press release's solution");
            solution = solution.substring(0, Checks.TEXT_LIMIT);
        }
        warnings.add("The file has no press release", List.of(), "headline set to the project title; customer "
                + "problem" + (solution.equals(placeholder) ? " and solution" : "") + " set to a placeholder to rewrite");
        return new Goal(title, null, placeholder, solution, null, null, null, targetDate);
    }

    /** WORKING_DAYS when the project calendar works Monday to Friday, else CALENDAR_DAYS. */
    private CalendarKind calendar() {
        ProjectCalendar calendar = project.getDefaultCalendar();
        if (calendar == null) {
            warnings.add("The file names no project calendar", List.of(), "lead times counted in calendar days");
            return CalendarKind.CALENDAR_DAYS;
        }
        Set<DayOfWeek> working = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (calendar.isWorkingDay(day)) {
                working.add(day);
            }
        }
        if (working.equals(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY))) {
            return CalendarKind.WORKING_DAYS;
        }
        warnings.add("The project calendar '" + calendar.getName() + "' works on " + working.stream()
                        .map(day -> day.name().charAt(0) + day.name().substring(1).toLowerCase(java.util.Locale.ROOT))
                        .collect(Collectors.joining(", ")) + ", not Monday to Friday", List.of(),
                "lead times keep the file's working-day durations and are counted in calendar days, so dates "
                        + "fall earlier than in the file");
        return CalendarKind.CALENDAR_DAYS;
    }

    /**
     * The calendar's non-working exceptions that fall on weekdays, from a year before the schedule starts (or before
     * today, if earlier) to a year after the target date: recurring exceptions would otherwise never end.
     */
    private List<LocalDate> holidays(List<Task> leaves, LocalDate targetDate) {
        LocalDate starts = leaves.stream().map(Task::getStart).filter(Objects::nonNull).map(LocalDateTime::toLocalDate)
                .min(Comparator.naturalOrder()).orElse(today);
        LocalDate from = (starts.isBefore(today) ? starts : today).minusYears(1);
        LocalDate to = targetDate.plusYears(1);
        Set<LocalDate> days = new TreeSet<>();
        for (ProjectCalendarException exception : project.getDefaultCalendar().getExpandedCalendarExceptions()) {
            if (exception.getWorking() || exception.getFromDate() == null || exception.getToDate() == null) {
                continue;
            }
            LocalDate first = exception.getFromDate().isBefore(from) ? from : exception.getFromDate();
            LocalDate last = exception.getToDate().isAfter(to) ? to : exception.getToDate();
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                if (days.size() == MAX_HOLIDAYS) {
                    warnings.add("More than " + MAX_HOLIDAYS + " non-working days in the project calendar", List.of(),
                            "only " + MAX_HOLIDAYS + " of them are kept as the plan's holidays");
                    return List.copyOf(days);
                }
                if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    days.add(day);
                }
            }
        }
        return List.copyOf(days);
    }

    private Map<Task, Set<Task>> predecessors(List<Task> leaves, Map<Task, UUID> ids) {
        Map<Task, Set<Task>> predecessors = new LinkedHashMap<>();
        leaves.forEach(task -> predecessors.put(task, new LinkedHashSet<>()));
        for (Task task : project.getTasks()) {
            for (Relation relation : task.getPredecessors()) {
                Task before = relation.getPredecessorTask();
                Task after = relation.getSuccessorTask() == null ? task : relation.getSuccessorTask();
                if (before == null) {
                    continue;
                }
                List<String> ends = List.of(label(before), label(after));
                if (relation.getType() != null && relation.getType() != RelationType.FINISH_START) {
                    warnings.add(linkName(relation.getType()) + " links", ends, "treated as finish-to-start: "
                            + "the predecessor is due before the successor starts, which is stricter than the file");
                }
                Duration lag = relation.getLag();
                if (lag != null && lag.getDuration() != 0) {
                    warnings.add("Links with lag or lead", ends, "the lag or lead is left out");
                }
                if (isSummary(before) || isSummary(after)) {
                    warnings.add("Links to or from summary tasks", ends, "applied to every task under the summary");
                }
                for (Task successor : leavesUnder(after)) {
                    for (Task predecessor : leavesUnder(before)) {
                        if (ids.containsKey(successor) && ids.containsKey(predecessor) && successor != predecessor) {
                            predecessors.get(successor).add(predecessor);
                        }
                    }
                }
            }
        }
        return predecessors;
    }

    private static String linkName(RelationType type) {
        return switch (type) {
            case START_START -> "Start-to-start";
            case FINISH_FINISH -> "Finish-to-finish";
            case START_FINISH -> "Start-to-finish";
            case FINISH_START -> "Finish-to-start";
        };
    }

    private static List<Task> leavesUnder(Task task) {
        if (!isSummary(task)) {
            return List.of(task);
        }
        List<Task> leaves = new ArrayList<>();
        Deque<Task> open = new ArrayDeque<>(task.getChildTasks());
        while (!open.isEmpty()) {
            Task next = open.pop();
            if (isSummary(next)) {
                open.addAll(next.getChildTasks());
            } else {
                leaves.add(next);
            }
        }
        return leaves;
    }

    /** Predecessors first, otherwise in the file's order; a cycle cannot be scheduled backward and is refused. */
    private static List<Task> topologicalOrder(List<Task> leaves, Map<Task, Set<Task>> predecessors) {
        Map<Task, Integer> waiting = new LinkedHashMap<>();
        Map<Task, List<Task>> successors = new LinkedHashMap<>();
        for (Task task : leaves) {
            waiting.put(task, predecessors.get(task).size());
            for (Task predecessor : predecessors.get(task)) {
                successors.computeIfAbsent(predecessor, any -> new ArrayList<>()).add(task);
            }
        }
        Deque<Task> ready = new ArrayDeque<>();
        leaves.stream().filter(task -> waiting.get(task) == 0).forEach(ready::add);
        List<Task> ordered = new ArrayList<>();
        while (!ready.isEmpty()) {
            Task next = ready.poll();
            ordered.add(next);
            for (Task successor : successors.getOrDefault(next, List.of())) {
                if (waiting.merge(successor, -1, Integer::sum) == 0) {
                    ready.add(successor);
                }
            }
        }
        if (ordered.size() < leaves.size()) {
            String cycle = leaves.stream().filter(task -> waiting.get(task) > 0).limit(10).map(ScheduleMapping::label)
                    .collect(Collectors.joining(", "));
            throw ScheduleRejected.unrepresentable("The tasks' links form a cycle, so no task of it can be scheduled "
                    + "backward from the target date. Tasks in or after the cycle: " + cycle);
        }
        return ordered;
    }

    /** The steps Backcast wrote under a milestone, in their order, linked as in the file, done where complete. */
    private void steps(Task milestoneTask, UUID milestoneId, List<PlanChange> changes) {
        List<Task> steps = milestoneTask.getChildTasks().stream().filter(ScheduleMapping::isStep).toList();
        Map<Task, UUID> stepIds = new LinkedHashMap<>();
        steps.forEach(step -> stepIds.put(step, UUID.randomUUID()));
        Map<Task, Set<Task>> before = new LinkedHashMap<>();
        for (Task step : steps) {
            Set<Task> predecessors = new LinkedHashSet<>();
            for (Relation relation : step.getPredecessors()) {
                if (stepIds.containsKey(relation.getPredecessorTask())) {
                    predecessors.add(relation.getPredecessorTask());
                }
            }
            before.put(step, predecessors);
        }
        List<PlanChange> done = new ArrayList<>();
        for (Task step : topologicalOrder(steps, before)) {
            UUID stepId = stepIds.get(step);
            changes.add(new AddStep(milestoneId, stepId, text(step.getName(), "Step " + step.getID()), owner(step),
                    leadTimeDays(step), before.get(step).stream().map(stepIds::get).toList(), reason));
            LocalDate finished = reachedOn(step);
            if (finished != null) {
                done.add(new MarkStepDone(milestoneId, stepId, finished, reason));
            }
        }
        changes.addAll(done);
    }

    private String name(Task task) {
        List<String> path = new ArrayList<>();
        for (Task parent = task.getParentTask(); parent != null && !Integer.valueOf(0).equals(parent.getID());
             parent = parent.getParentTask()) {
            path.add(0, text(parent.getName(), "Summary " + parent.getID()));
        }
        path.add(text(task.getName(), "Task " + task.getID()));
        String name = String.join(NAME_SEPARATOR, path);
        if (name.length() > Checks.NAME_LIMIT) {
            warnings.add("Task names longer than " + Checks.NAME_LIMIT + " characters with their summaries", task,
                    "cut to " + Checks.NAME_LIMIT + " characters");
            name = name.substring(0, Checks.NAME_LIMIT);
        }
        return name;
    }

    private String definitionOfDone(Task task) {
        String notes = task.getNotes() == null || task.getNotes().isBlank() ? null : task.getNotes().strip();
        if (notes != null && notes.length() > Checks.TEXT_LIMIT) {
            warnings.add("Notes longer than " + Checks.TEXT_LIMIT + " characters", task, "cut to their beginning");
            notes = notes.substring(0, Checks.TEXT_LIMIT);
        }
        return notes;
    }

    private String owner(Task task) {
        List<String> names = task.getResourceAssignments().stream().map(ResourceAssignment::getResource)
                .filter(Objects::nonNull).map(resource -> resource.getName()).filter(Objects::nonNull)
                .map(String::strip).filter(name -> !name.isEmpty()).distinct().toList();
        if (names.isEmpty()) {
            return null;
        }
        warnings.add("Resource assignments", task, "the resources' names become the milestone's owner; units, "
                + "work and costs are left out");
        String owner = String.join(", ", names);
        return owner.length() > Checks.NAME_LIMIT ? owner.substring(0, Checks.NAME_LIMIT) : owner;
    }

    private int leadTimeDays(Task task) {
        String marked = isMarked(task, ScheduleFileMarks.MILESTONE) ? task.getText(ScheduleFileMarks.LEAD_TIME_FIELD)
                : null;
        if (marked != null && marked.strip().matches("\\d{1,4}")) {
            return Math.min(Checks.MAX_DAYS, Integer.parseInt(marked.strip()));
        }
        Duration duration = task.getDuration();
        if (duration == null || duration.getDuration() <= 0) {
            return 0;
        }
        boolean elapsed = ELAPSED.contains(duration.getUnits());
        if (elapsed) {
            warnings.add("Elapsed durations", task, "counted as that many working days");
        }
        double days = duration.convertUnits(elapsed ? TimeUnit.ELAPSED_DAYS : TimeUnit.DAYS, properties)
                .getDuration();
        int whole = (int) Math.ceil(days - 1e-9);
        if (Math.abs(days - whole) > 1e-9) {
            warnings.add("Durations that are not whole days", task, "rounded up to whole days");
        }
        if (whole > Checks.MAX_DAYS) {
            warnings.add("Durations over " + Checks.MAX_DAYS + " days", task, "cut to " + Checks.MAX_DAYS + " days");
            return Checks.MAX_DAYS;
        }
        return whole;
    }

    /** The earliest of the task's deadline and its finish-by constraints; other constraints are named. */
    private LocalDate deadline(Task task, LocalDate targetDate) {
        List<LocalDate> finishBy = new ArrayList<>();
        if (task.getDeadline() != null) {
            finishBy.add(day(task.getDeadline()));
        }
        constraint(task, task.getConstraintType(), task.getConstraintDate(), finishBy);
        constraint(task, task.getSecondaryConstraintType(), task.getSecondaryConstraintDate(), finishBy);
        LocalDate deadline = finishBy.stream().min(Comparator.naturalOrder()).orElse(null);
        if (deadline != null && deadline.isAfter(targetDate)) {
            warnings.add("Deadlines after the target date", task, "left out: the target date comes first");
            return null;
        }
        return deadline;
    }

    private void constraint(Task task, ConstraintType type, LocalDateTime date, List<LocalDate> finishBy) {
        if (type == null || SCHEDULED_FREELY.contains(type)) {
            return;
        }
        if (FINISH_BY.contains(type) && date != null) {
            finishBy.add(day(date));
        } else {
            warnings.add("Start constraints and finish-no-earlier-than constraints", task,
                    "left out: a backward plan only pins the latest day a milestone may finish");
        }
    }

    private LocalDate reachedOn(Task task) {
        Number complete = task.getPercentageComplete();
        if (complete == null || complete.doubleValue() < 100 || task.getActualFinish() == null) {
            return null;
        }
        LocalDate finished = day(task.getActualFinish());
        if (finished.isAfter(today)) {
            warnings.add("Tasks finished after today", task, "not marked reached; record it when the day comes");
            return null;
        }
        return finished;
    }

    private List<Baseline> baselines(List<Task> leaves, Map<Task, UUID> ids) {
        List<Baseline> baselines = new ArrayList<>();
        Task projectSummary = project.getTasks().stream().filter(task -> Integer.valueOf(0).equals(task.getID()))
                .findFirst().orElse(null);
        for (int number = 0; number < BASELINES; number++) {
            Map<UUID, LocalDate> dueDates = new LinkedHashMap<>();
            for (Task task : leaves) {
                LocalDate finish = day(number == 0 ? task.getBaselineFinish() : task.getBaselineFinish(number));
                if (finish != null) {
                    dueDates.put(ids.get(task), finish);
                }
            }
            if (dueDates.isEmpty()) {
                continue;
            }
            LocalDate target = projectSummary == null ? null : day(number == 0 ? projectSummary.getBaselineFinish()
                    : projectSummary.getBaselineFinish(number));
            if (target == null) {
                target = dueDates.values().stream().max(Comparator.naturalOrder()).orElseThrow();
            }
            baselines.add(new Baseline(number == 0 ? "Baseline" : "Baseline" + number, target, dueDates));
        }
        return baselines;
    }

    /**
     * The day a finish falls on. Tools that keep times write a finish at the start of a working day (08:00) to mean
     * the end of the working day before; formats without times write midnight and mean that day.
     */
    private LocalDate day(LocalDateTime finish) {
        if (finish == null) {
            return null;
        }
        LocalDate date = finish.toLocalDate();
        ProjectCalendar calendar = project.getDefaultCalendar();
        LocalTime dayStarts = calendar == null ? null : calendar.getStartTime(date);
        if (finish.toLocalTime().equals(LocalTime.MIDNIGHT) || dayStarts == null
                || finish.toLocalTime().isAfter(dayStarts)) {
            return date;
        }
        LocalDateTime workFinish = calendar.getPreviousWorkFinish(finish);
        return workFinish == null || workFinish.isAfter(finish) ? date : workFinish.toLocalDate();
    }

    private static String firstText(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate.strip();
            }
        }
        throw new IllegalArgumentException("the last candidate is never blank");
    }

    private static String text(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value.strip();
    }

    static String label(Task task) {
        return "#" + task.getID() + " " + text(task.getName(), "(unnamed)");
    }

    /** Warnings gathered by what they are about, each listing the tasks it concerns once. */
    private static final class Warnings {
        private final Map<String, ImportReport.Warning> byWhat = new LinkedHashMap<>();

        void add(String what, Task task, String approximation) {
            add(what, List.of(label(task)), approximation);
        }

        void add(String what, List<String> tasks, String approximation) {
            ImportReport.Warning warning = byWhat.computeIfAbsent(what,
                    any -> new ImportReport.Warning(what, new ArrayList<>(), approximation));
            tasks.stream().filter(task -> !warning.tasks().contains(task)).forEach(warning.tasks()::add);
        }

        List<ImportReport.Warning> list() {
            return byWhat.values().stream().map(warning -> new ImportReport.Warning(warning.what(),
                    List.copyOf(warning.tasks()), warning.approximation())).toList();
        }
    }
}
