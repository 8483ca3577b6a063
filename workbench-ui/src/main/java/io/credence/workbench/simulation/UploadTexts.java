package io.credence.workbench.simulation;

import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.i18n.I18NProvider;
import io.credence.simulation.SimulationService;
import java.util.List;

/** Vaadin Upload's own words (button, drop hint, errors, progress) in the reader's language. */
final class UploadTexts {

    private UploadTexts() {
    }

    static UploadI18N forCsv() {
        UploadI18N texts = new UploadI18N();
        texts.setAddFiles(new UploadI18N.AddFiles().setOne(I18NProvider.translate("simulation.upload.add-one"))
                .setMany(I18NProvider.translate("simulation.upload.add-many")));
        texts.setDropFiles(new UploadI18N.DropFiles().setOne(I18NProvider.translate("simulation.upload.drop-one"))
                .setMany(I18NProvider.translate("simulation.upload.drop-many")));
        texts.setError(new UploadI18N.Error().setTooManyFiles(I18NProvider.translate("simulation.upload.too-many"))
                .setFileIsTooBig(I18NProvider.translate("simulation.upload.too-big",
                        Long.toString(SimulationService.MAX_UPLOAD_BYTES / (1024 * 1024))))
                .setIncorrectFileType(I18NProvider.translate("simulation.upload.wrong-type")));
        texts.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status()
                        .setConnecting(I18NProvider.translate("simulation.upload.connecting"))
                        .setStalled(I18NProvider.translate("simulation.upload.stalled"))
                        .setProcessing(I18NProvider.translate("simulation.upload.processing"))
                        .setHeld(I18NProvider.translate("simulation.upload.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(I18NProvider.translate("simulation.upload.remaining"))
                        .setUnknown(I18NProvider.translate("simulation.upload.remaining-unknown")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(I18NProvider.translate("simulation.upload.server-unavailable"))
                        .setUnexpectedServerError(I18NProvider.translate("simulation.upload.server-error"))
                        .setForbidden(I18NProvider.translate("simulation.upload.forbidden"))
                        .setFileTooLarge(I18NProvider.translate("simulation.upload.too-big",
                                Long.toString(SimulationService.MAX_UPLOAD_BYTES / (1024 * 1024))))));
        texts.setFile(new UploadI18N.File().setRetry(I18NProvider.translate("simulation.upload.retry"))
                .setStart(I18NProvider.translate("simulation.upload.start"))
                .setRemove(I18NProvider.translate("simulation.upload.remove")));
        texts.setUnits(List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"));
        return texts;
    }
}
