package io.credence.workbench.i18n;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.VaadinService;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.time.temporal.WeekFields;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The words Vaadin's own components show, which {@code getTranslation} does not reach: a date
 * picker's months, weekdays, Today and Cancel and its error messages. Month and day names come from
 * the JDK for the locale, so they are right for every locale without a bundle entry; the week starts
 * where the locale's does (Monday in China and Britain, Sunday in the US).
 *
 * <p>Pass the formatting locale ({@code Display.current().locale()}), which is the browser's when it
 * speaks the workbench's language: en-GB then gets Monday first, and zh-CN 一月 and 周一.
 */
public final class ComponentTexts {

    private static final List<DayOfWeek> SUNDAY_FIRST = List.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);

    private ComponentTexts() {
    }

    /** A date picker's texts for a locale, from the running workbench's translations. */
    public static DatePicker.DatePickerI18n datePicker(Locale locale) {
        return datePicker(locale, provider());
    }

    public static DatePicker.DatePickerI18n datePicker(Locale locale, I18NProvider texts) {
        return new DatePicker.DatePickerI18n()
                .setMonthNames(Arrays.stream(Month.values()).map(m -> m.getDisplayName(TextStyle.FULL_STANDALONE, locale)).toList())
                // Vaadin counts weekdays from Sunday, whatever day the week starts on.
                .setWeekdays(SUNDAY_FIRST.stream().map(d -> d.getDisplayName(TextStyle.FULL, locale)).toList())
                .setWeekdaysShort(SUNDAY_FIRST.stream().map(d -> d.getDisplayName(TextStyle.SHORT, locale)).toList())
                .setFirstDayOfWeek(WeekFields.of(locale).getFirstDayOfWeek().getValue() % 7)
                .setToday(texts.getTranslation("components.date-picker.today", locale))
                .setCancel(texts.getTranslation("components.date-picker.cancel", locale))
                .setBadInputErrorMessage(texts.getTranslation("components.date-picker.bad-input", locale))
                .setRequiredErrorMessage(texts.getTranslation("components.date-picker.required", locale))
                .setMinErrorMessage(texts.getTranslation("components.date-picker.too-early", locale))
                .setMaxErrorMessage(texts.getTranslation("components.date-picker.too-late", locale));
    }

    /** Gives a date picker the locale's calendar, date format and words. */
    public static void localise(DatePicker picker, Locale locale) {
        picker.setLocale(locale);
        picker.setI18n(datePicker(locale));
    }

    /** The same for a date-and-time picker: its date half, and the errors of the whole. */
    public static void localise(DateTimePicker picker, Locale locale) {
        I18NProvider texts = provider();
        picker.setLocale(locale);
        picker.setDatePickerI18n(datePicker(locale, texts));
        picker.setI18n(new DateTimePicker.DateTimePickerI18n()
                .setBadInputErrorMessage(texts.getTranslation("components.date-picker.bad-input", locale))
                .setIncompleteInputErrorMessage(texts.getTranslation("components.date-time-picker.incomplete", locale))
                .setRequiredErrorMessage(texts.getTranslation("components.date-picker.required", locale))
                .setMinErrorMessage(texts.getTranslation("components.date-picker.too-early", locale))
                .setMaxErrorMessage(texts.getTranslation("components.date-picker.too-late", locale)));
    }

    private static I18NProvider provider() {
        VaadinService service = VaadinService.getCurrent();
        I18NProvider provider = service == null ? null : service.getInstantiator().getI18NProvider();
        return provider != null ? provider : new WorkbenchTranslations();
    }
}
