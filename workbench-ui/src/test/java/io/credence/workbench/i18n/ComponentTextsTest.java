package io.credence.workbench.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.datepicker.DatePicker;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ComponentTextsTest {

    private final WorkbenchTranslations translations = new WorkbenchTranslations();

    @Test
    void a_chinese_calendar_has_chinese_months_and_weekdays_and_starts_on_monday() {
        DatePicker.DatePickerI18n i18n = ComponentTexts.datePicker(Locale.forLanguageTag("zh-CN"), translations);

        assertThat(i18n.getMonthNames()).hasSize(12).startsWith("一月").endsWith("十二月");
        assertThat(i18n.getWeekdays()).hasSize(7).startsWith("星期日");
        assertThat(i18n.getWeekdaysShort()).startsWith("周日", "周一");
        assertThat(i18n.getFirstDayOfWeek()).isEqualTo(1);
        assertThat(i18n.getToday()).isEqualTo("今天");
        assertThat(i18n.getCancel()).isEqualTo("取消");
        assertThat(i18n.getBadInputErrorMessage()).isEqualTo("请输入有效日期");
    }

    @Test
    void an_english_calendar_starts_where_the_readers_week_does() {
        DatePicker.DatePickerI18n british = ComponentTexts.datePicker(Locale.UK, translations);
        DatePicker.DatePickerI18n american = ComponentTexts.datePicker(Locale.US, translations);

        assertThat(british.getMonthNames()).startsWith("January");
        assertThat(british.getWeekdaysShort()).startsWith("Sun", "Mon");
        assertThat(british.getFirstDayOfWeek()).isEqualTo(1);
        assertThat(american.getFirstDayOfWeek()).isZero();
        assertThat(british.getToday()).isEqualTo("Today");
        assertThat(british.getCancel()).isEqualTo("Cancel");
    }
}
