package dev.backcast.command.imports;

import org.mpxj.MPXJException;
import org.mpxj.ProjectFile;
import org.mpxj.ganttproject.GanttProjectReader;
import org.mpxj.mpp.MPPReader;
import org.mpxj.mpx.MPXReader;
import org.mpxj.mspdi.MSPDIReader;
import org.mpxj.planner.PlannerReader;
import org.mpxj.primavera.PrimaveraPMFileReader;
import org.mpxj.primavera.PrimaveraXERFileReader;
import org.mpxj.projectlibre.ProjectLibreReader;
import org.mpxj.reader.ProjectReader;
import org.mpxj.reader.UniversalProjectReader;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads the schedule formats Backcast imports, recognised by their content rather than their name. Containers that
 * MPXJ would unpack or open as a database (ZIP, SQLite, Access) and programs are refused before MPXJ sees them; of
 * what MPXJ recognises, only the readers named here are used.
 */
final class ScheduleFiles {

    /** The readers that may run, and the name of the format each reads. */
    static final Map<Class<? extends ProjectReader>, String> FORMATS = Map.of(
            MPPReader.class, "Microsoft Project MPP",
            MSPDIReader.class, "Microsoft Project XML (MSPDI)",
            MPXReader.class, "MPX",
            PrimaveraXERFileReader.class, "Primavera P6 XER",
            PrimaveraPMFileReader.class, "Primavera P6 PMXML",
            ProjectLibreReader.class, "ProjectLibre POD",
            GanttProjectReader.class, "GanttProject GAN",
            PlannerReader.class, "GNOME Planner XML");

    private static final List<byte[]> REFUSED_CONTAINERS = List.of(
            "PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1),
            "SQLite format 3".getBytes(StandardCharsets.ISO_8859_1),
            "\u0000\u0001\u0000\u0000Standard Jet DB".getBytes(StandardCharsets.ISO_8859_1),
            "\u0000\u0001\u0000\u0000Standard ACE DB".getBytes(StandardCharsets.ISO_8859_1),
            "MZ".getBytes(StandardCharsets.ISO_8859_1),
            "\u007fELF".getBytes(StandardCharsets.ISO_8859_1),
            "bplist".getBytes(StandardCharsets.ISO_8859_1));

    private ScheduleFiles() {
    }

    /** A schedule as MPXJ read it, and the name of its format. */
    record Read(ProjectFile project, String format) {
    }

    static Read read(byte[] content) {
        if (content.length == 0) {
            throw ScheduleRejected.unreadable("The file is empty", null);
        }
        for (byte[] container : REFUSED_CONTAINERS) {
            if (content.length >= container.length
                    && Arrays.equals(content, 0, container.length, container, 0, container.length)) {
                throw unknownFormat();
            }
        }
        try (UniversalProjectReader.ProjectReaderProxy proxy = new UniversalProjectReader()
                .getProjectReaderProxy(new ByteArrayInputStream(content))) {
            String format = proxy == null || proxy.getProjectReader() == null ? null
                    : FORMATS.get(proxy.getProjectReader().getClass());
            if (format == null) {
                throw unknownFormat();
            }
            ProjectFile project = proxy.read();
            if (project == null) {
                throw ScheduleRejected.unreadable("The file looks like " + format
                        + " but holds no schedule; it may be truncated", null);
            }
            return new Read(project, format);
        } catch (ScheduleRejected rejected) {
            throw rejected;
        } catch (MPXJException broken) {
            String message = String.valueOf(broken.getMessage());
            if (message.startsWith(MPXJException.PASSWORD_PROTECTED)) {
                throw ScheduleRejected.unreadable("The file is protected by a password; save an unprotected copy "
                        + "from the tool that made it and import that", broken);
            }
            throw ScheduleRejected.unreadable("The file could not be read: " + message
                    + ". It may be truncated or damaged; save it again from the tool that made it", broken);
        } catch (Exception | StackOverflowError broken) {
            throw ScheduleRejected.unreadable("The file could not be read (" + broken.getClass().getSimpleName()
                    + "). It may be truncated or damaged; save it again from the tool that made it", broken);
        }
    }

    private static ScheduleRejected unknownFormat() {
        return ScheduleRejected.unreadable("The file is not a schedule Backcast can read. Import Microsoft Project "
                + "(.mpp or .xml), Primavera P6 (.xer or PMXML), ProjectLibre (.pod), GanttProject (.gan), "
                + "GNOME Planner (.planner) or MPX (.mpx) files", null);
    }
}
