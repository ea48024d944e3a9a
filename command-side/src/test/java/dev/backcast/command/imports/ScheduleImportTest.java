package dev.backcast.command.imports;

import dev.backcast.plan.PlanEvent;
import dev.backcast.plan.PlanState;
import dev.backcast.plan.scheduling.BackwardScheduler;
import dev.backcast.plan.scheduling.CalendarKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mpxj.Duration;
import org.mpxj.ProjectFile;
import org.mpxj.Relation;
import org.mpxj.Task;
import org.mpxj.TimeUnit;
import org.mpxj.mspdi.MSPDIWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Files saved by the tools themselves become plans whose backward due dates are the late finishes the tools stored,
 * except where a warning says what was approximated; files that cannot become a plan are refused with a reason.
 */
class ScheduleImportTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({
            "sample.xml, Microsoft Project XML (MSPDI), 16",
            "sample.mpx, MPX, 16",
            "mpp9baseline.mpp, Microsoft Project MPP, 9",
            "mpp9task.mpp, Microsoft Project MPP, 1",
            "baselines.xml, Microsoft Project XML (MSPDI), 1",
            "project1.planner, GNOME Planner XML, 29",
            "percent-complete-8.4.xer, Primavera P6 XER, 12",
            "percent-complete-8.4.pmxml, Primavera P6 PMXML, 12",
            "task-with-dependencies.gan, GanttProject GAN, 5",
            "baseline-with-subtasks.gan, GanttProject GAN, 1"})
    void dueDatesAreTheToolsLateFinishesWhereverNoWarningSaysOtherwise(String file, String format, int milestones) {
        ImportReport report = imported(file, null);

        assertThat(report.file().format()).isEqualTo(format);
        assertThat(report.milestones()).hasSize(milestones);
        Set<String> warned = report.warnings().stream().flatMap(warning -> warning.tasks().stream())
                .collect(Collectors.toSet());
        for (ImportReport.ImportedMilestone milestone : report.milestones()) {
            if (milestone.fileLateFinish() == null || milestone.reachedOn() != null) {
                continue;
            }
            String label = "#" + milestone.taskId() + " " + milestone.name()
                    .substring(milestone.name().lastIndexOf(ScheduleMapping.NAME_SEPARATOR)
                            + ScheduleMapping.NAME_SEPARATOR.length());
            if (!warned.contains(label)) {
                assertThat(milestone.dueDate()).as(file + " " + label).isEqualTo(milestone.fileLateFinish());
            }
        }
    }

    @Test
    void aFinishToStartNetworkOnAMondayToFridayCalendarMatchesMicrosoftProjectExactly() {
        ImportReport report = imported("mpp9baseline.mpp", null);

        assertThat(report.calendar()).isEqualTo(CalendarKind.WORKING_DAYS);
        assertThat(report.targetDate()).isEqualTo(LocalDate.of(2006, 9, 14));
        List<ImportReport.ImportedMilestone> compared = report.milestones().stream()
                .filter(milestone -> milestone.reachedOn() == null).toList();
        assertThat(compared).hasSize(7).allSatisfy(milestone ->
                assertThat(milestone.dueDate()).as(milestone.name()).isEqualTo(milestone.fileLateFinish()));
        assertThat(report.milestones()).extracting(ImportReport.ImportedMilestone::name)
                .contains("Base Task › Subtask 1");
        assertThat(report.milestones().stream().filter(milestone -> milestone.reachedOn() != null))
                .isNotEmpty();
    }

    @Test
    void baselinesBecomeNamedBaselinesWithTheFilesFinishDates() {
        assertThat(imported("mpp9baseline.mpp", null).baselines())
                .containsExactly(new ImportReport.MappedBaseline("Baseline", LocalDate.of(2006, 9, 13), 6));
        assertThat(imported("baselines.xml", null).baselines()).extracting(ImportReport.MappedBaseline::name)
                .containsExactly("Baseline1", "Baseline2", "Baseline3", "Baseline4", "Baseline5", "Baseline6",
                        "Baseline7", "Baseline8", "Baseline9", "Baseline10");
    }

    @Test
    void whatCannotBeRepresentedIsNamedWithItsTasksAndTheApproximation() {
        ImportReport report = imported("sample.xml", null);

        assertThat(report.warnings()).extracting(ImportReport.Warning::what).contains("Links with lag or lead",
                "Start-to-start links", "Finish-to-finish links", "Start-to-finish links", "Resource assignments",
                "The file has no press release");
        ImportReport.Warning startToStart = report.warnings().stream()
                .filter(warning -> warning.what().equals("Start-to-start links")).findFirst().orElseThrow();
        assertThat(startToStart.tasks()).containsExactly("#14 Related Task 4a", "#15 Related Task 4b");
        assertThat(startToStart.approximation()).contains("finish-to-start");
    }

    @Test
    void aGanttProjectFileKeepsItsHolidayAndNamesItsLinksThatAreNotFinishToStart() {
        ImportReport report = imported("task-with-dependencies.gan", null);

        assertThat(report.calendar()).isEqualTo(CalendarKind.WORKING_DAYS);
        assertThat(report.holidays()).contains(LocalDate.of(2024, 1, 3));
        assertThat(report.milestones()).extracting(ImportReport.ImportedMilestone::name)
                .containsExactly("task A", "task B", "task C", "task D", "task E");
        assertThat(report.warnings()).extracting(ImportReport.Warning::what)
                .contains("Start-to-start links", "Finish-to-finish links", "Start-to-finish links",
                        "Links with lag or lead");
    }

    @Test
    void theTargetDateAskedForWinsOverTheFilesFinishAndATaskDeadlineBeforeItIsPinned() {
        assertThat(imported("mpp9task.mpp", null).milestones().get(0).deadline()).isNull();

        ImportReport report = imported("mpp9task.mpp", LocalDate.of(2006, 12, 29));

        assertThat(report.targetDate()).isEqualTo(LocalDate.of(2006, 12, 29));
        assertThat(report.milestones().get(0).deadline()).isEqualTo(LocalDate.of(2006, 8, 30));
        assertThat(report.milestones().get(0).dueDate()).isEqualTo(LocalDate.of(2006, 8, 30));
    }

    @Test
    void aPasswordProtectedFileIsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> read("password-protected-mpp9.mpp")).isInstanceOf(ScheduleRejected.class)
                .hasMessageContaining("password");
    }

    @Test
    void aTruncatedFileIsRefused() {
        byte[] whole = bytes("sample.xml");

        assertThatThrownBy(() -> ScheduleFiles.read(Arrays.copyOf(whole, whole.length / 2)))
                .isInstanceOf(ScheduleRejected.class).hasMessageContaining("truncated");
    }

    @Test
    void anUnknownFormatAndContainersAreRefusedBeforeAnyReaderRuns() {
        byte[] zip = "PK\u0003\u0004 a zip archive holding a schedule".getBytes(StandardCharsets.ISO_8859_1);
        byte[] text = "Just some notes about a project, nothing a planning tool wrote.".repeat(20)
                .getBytes(StandardCharsets.UTF_8);
        byte[] sqlite = "SQLite format 3\u0000 database".getBytes(StandardCharsets.ISO_8859_1);

        for (byte[] content : List.of(zip, text, sqlite, new byte[0])) {
            assertThatThrownBy(() -> ScheduleFiles.read(content)).isInstanceOf(ScheduleRejected.class)
                    .satisfies(rejected -> assertThat(((ScheduleRejected) rejected).status().value()).isEqualTo(422));
        }
    }

    @Test
    void anExternalEntityInAnXmlScheduleIsNeverResolved() throws IOException {
        Path secret = Files.createTempFile("backcast-secret", ".txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String xml = new String(bytes("sample.xml"), StandardCharsets.UTF_8)
                .replaceFirst("<\\?xml version=\"1.0\"\\?>", "<?xml version=\"1.0\"?><!DOCTYPE Project [<!ENTITY secret "
                        + "SYSTEM \"" + secret.toUri() + "\">]>")
                .replace("<Title>sample</Title>", "<Title>&secret;</Title>");

        try {
            ImportReport report = imported(xml.getBytes(StandardCharsets.UTF_8), "entity.xml", null);
            assertThat(report.title()).doesNotContain("TOP-SECRET");
        } catch (ScheduleRejected refused) {
            assertThat(refused.getMessage()).doesNotContain("TOP-SECRET");
        } finally {
            Files.delete(secret);
        }
    }

    @Test
    void anElapsedDurationCountsAsThatManyDaysAndIsNamed() {
        ProjectFile project = new ProjectFile();
        project.setDefaultCalendar(project.addDefaultBaseCalendar());
        task(project, "Cure the concrete").setDuration(Duration.getInstance(5, TimeUnit.ELAPSED_DAYS));

        ImportReport report = imported(mspdi(project), "elapsed.xml", LocalDate.of(2027, 6, 30));

        assertThat(report.milestones().get(0).leadTimeDays()).isEqualTo(5);
        assertThat(report.warnings()).extracting(ImportReport.Warning::what).contains("Elapsed durations");
    }

    @Test
    void aDependencyCycleIsRefusedNamingItsTasks() {
        ProjectFile project = new ProjectFile();
        project.setDefaultCalendar(project.addDefaultBaseCalendar());
        Task design = task(project, "Design");
        Task build = task(project, "Build");
        build.addPredecessor(new Relation.Builder().predecessorTask(design));
        design.addPredecessor(new Relation.Builder().predecessorTask(build));

        assertThatThrownBy(() -> imported(mspdi(project), "cycle.xml", LocalDate.of(2027, 6, 30)))
                .isInstanceOf(ScheduleRejected.class).hasMessageContaining("cycle")
                .hasMessageContaining("Design").hasMessageContaining("Build");
    }

    @Test
    void aScheduleWithMoreTasksThanAPlanHoldsIsRefused() {
        ProjectFile project = new ProjectFile();
        project.setDefaultCalendar(project.addDefaultBaseCalendar());
        for (int index = 0; index <= ScheduleMapping.MAX_TASKS; index++) {
            task(project, "Task " + index);
        }

        assertThatThrownBy(() -> imported(mspdi(project), "huge.xml", LocalDate.of(2027, 6, 30)))
                .isInstanceOf(ScheduleRejected.class).hasMessageContaining("at most " + ScheduleMapping.MAX_TASKS);
    }

    private static Task task(ProjectFile project, String name) {
        Task task = project.addTask();
        task.setName(name);
        task.setDuration(Duration.getInstance(3, TimeUnit.DAYS));
        task.setStart(LocalDateTime.of(2027, 1, 4, 8, 0));
        task.setFinish(LocalDateTime.of(2027, 1, 6, 17, 0));
        return task;
    }

    private static byte[] mspdi(ProjectFile project) {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        try {
            new MSPDIWriter().write(project, written);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return written.toByteArray();
    }

    private static ImportReport imported(String file, LocalDate targetDate) {
        return imported(bytes(file), file, targetDate);
    }

    private static ImportReport imported(byte[] content, String file, LocalDate targetDate) {
        ScheduleMapping.Mapped mapped = ScheduleMapping.map(ScheduleFiles.read(content),
                new ScheduleMapping.Request(file, "0".repeat(64), content.length, null, null, targetDate), TODAY);
        List<PlanEvent> events = ImportDecisions.decide(mapped.command(), TODAY);
        return mapped.report().complete(mapped.command(),
                BackwardScheduler.schedule(PlanState.replay(events), TODAY));
    }

    private static ScheduleFiles.Read read(String file) {
        return ScheduleFiles.read(bytes(file));
    }

    private static byte[] bytes(String file) {
        try {
            return Files.readAllBytes(Path.of("src/test/resources/schedules", file));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
