package dev.backcast.query.web;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTest {

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsNeutralised() {
        assertThat(Csv.row("=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "plain"))
                .isEqualTo("'=1+1,'+SUM(A1),'-2+3,'@cmd,'\tx,plain\r\n");
    }

    @Test
    void numbersAndDatesStayAsTheyAre() {
        assertThat(Csv.row(-3, 4L, LocalDate.of(2026, 1, 5), null)).isEqualTo("-3,4,2026-01-05,\r\n");
    }

    @Test
    void cellsWithCommasQuotesOrLineBreaksAreQuotedAfterNeutralising() {
        assertThat(Csv.row("=HYPERLINK(\"a\",\"b\")", "x\ny")).isEqualTo("\"'=HYPERLINK(\"\"a\"\",\"\"b\"\")\",\"x\ny\"\r\n");
    }
}
