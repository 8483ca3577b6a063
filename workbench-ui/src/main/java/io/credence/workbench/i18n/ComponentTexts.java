package io.credence.workbench.i18n;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.upload.UploadI18N;
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
 * picker's months, weekdays, Today and Cancel and its error messages; an upload's progress and
 * refusals. Month and day names come from
 * the JDK for the locale, so they are right for every locale without a bundle entry; the week starts
 * where the locale's does (Monday in China and Britain, Sunday in the US).
 *
 * <p>Pass the formatting locale ({@code Display.current().locale()}), which is the browser's when it
 * speaks the workbench's language: en-GB then gets Monday first, and zh-CN 一月 and 周一.
 */
public final class ComponentTexts {

    private static final List<DayOfWeek> SUNDAY_FIRST = List.of(
            DayOfWeek.SUNDAY,
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY,
            DayOfWeek.SATURDAY);

    private ComponentTexts() {}

    /**
     * An upload's texts in the current language: the feature names the file it takes (button, drop
     * hint, refusals); progress, retry and server errors are the same for every upload.
     */
    public static UploadI18N upload(String add, String drop, String tooMany, String wrongType, long maxMegabytes) {
        UploadI18N texts = new UploadI18N();
        texts.setAddFiles(new UploadI18N.AddFiles().setOne(add).setMany(add));
        texts.setDropFiles(new UploadI18N.DropFiles().setOne(drop).setMany(drop));
        String tooBig = I18NProvider.translate("components.upload.too-big", maxMegabytes);
        texts.setError(new UploadI18N.Error()
                .setTooManyFiles(tooMany)
                .setFileIsTooBig(tooBig)
                .setIncorrectFileType(wrongType));
        texts.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status()
                        .setConnecting(I18NProvider.translate("components.upload.connecting"))
                        .setStalled(I18NProvider.translate("components.upload.stalled"))
                        .setProcessing(I18NProvider.translate("components.upload.processing"))
                        .setHeld(I18NProvider.translate("components.upload.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(I18NProvider.translate("components.upload.remaining"))
                        .setUnknown(I18NProvider.translate("components.upload.remaining-unknown")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(I18NProvider.translate("components.upload.server-unavailable"))
                        .setUnexpectedServerError(I18NProvider.translate("components.upload.server-error"))
                        .setForbidden(I18NProvider.translate("components.upload.forbidden"))
                        .setFileTooLarge(tooBig)));
        texts.setFile(new UploadI18N.File()
                .setRetry(I18NProvider.translate("components.upload.retry"))
                .setStart(I18NProvider.translate("components.upload.start"))
                .setRemove(I18NProvider.translate("components.upload.remove")));
        texts.setUnits(List.of(I18NProvider.translate("components.upload.units").split(",")));
        return texts;
    }

    /** A date picker's texts for a locale, from the running workbench's translations. */
    public static DatePicker.DatePickerI18n datePicker(Locale locale) {
        return datePicker(locale, provider());
    }

    public static DatePicker.DatePickerI18n datePicker(Locale locale, I18NProvider texts) {
        return new DatePicker.DatePickerI18n()
                .setMonthNames(Arrays.stream(Month.values())
                        .map(m -> m.getDisplayName(TextStyle.FULL_STANDALONE, locale))
                        .toList())
                // Vaadin counts weekdays from Sunday, whatever day the week starts on.
                .setWeekdays(SUNDAY_FIRST.stream()
                        .map(d -> d.getDisplayName(TextStyle.FULL, locale))
                        .toList())
                .setWeekdaysShort(SUNDAY_FIRST.stream()
                        .map(d -> d.getDisplayName(TextStyle.SHORT, locale))
                        .toList())
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
        I18NProvider provider =
                service == null ? null : service.getInstantiator().getI18NProvider();
        return provider != null ? provider : new WorkbenchTranslations();
    }
}
