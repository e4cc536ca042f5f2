package dev.podscope.ui;

import dev.podscope.format.PodCategory;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignO;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

/** Every icon Podscope shows, in one place, so the same meaning always gets the same picture. */
public enum Icon {
    POD_RUNNING(MaterialDesignC.CHECK_CIRCLE),
    POD_PENDING(MaterialDesignC.CLOCK_OUTLINE),
    POD_SUCCEEDED(MaterialDesignC.CHECK_ALL),
    POD_FAILED(MaterialDesignC.CLOSE_CIRCLE),
    POD_WARNING(MaterialDesignA.ALERT),
    POD_NOT_READY(MaterialDesignA.ALERT_CIRCLE_OUTLINE),
    POD_TERMINATING(MaterialDesignD.DELETE_CLOCK_OUTLINE),
    POD_UNKNOWN(MaterialDesignH.HELP_CIRCLE_OUTLINE),
    CONTEXT(MaterialDesignK.KUBERNETES),
    NAMESPACE(MaterialDesignF.FOLDER_OUTLINE),
    FILTER(MaterialDesignM.MAGNIFY),
    OPEN_BUNDLE(MaterialDesignF.FOLDER_ZIP_OUTLINE),
    BUNDLE(MaterialDesignA.ARCHIVE_LOCK_OUTLINE),
    THEME_DARK(MaterialDesignW.WEATHER_NIGHT),
    THEME_LIGHT(MaterialDesignW.WEATHER_SUNNY),
    SANDBOX(MaterialDesignF.FLASK_OUTLINE),
    LIVE(MaterialDesignL.LAN_CONNECT),
    CONNECTING(MaterialDesignS.SYNC),
    STALE(MaterialDesignS.SYNC_ALERT),
    DISCONNECTED(MaterialDesignL.LAN_DISCONNECT),
    CLOSE(MaterialDesignC.CLOSE),
    FORWARD(MaterialDesignS.SWAP_HORIZONTAL),
    PROBE(MaterialDesignS.STETHOSCOPE),
    START(MaterialDesignP.PLAY),
    STOP(MaterialDesignS.STOP),
    RESTART(MaterialDesignR.RESTART),
    REPEAT(MaterialDesignR.REPEAT),
    COPY(MaterialDesignC.CONTENT_COPY),
    OPEN_BROWSER(MaterialDesignO.OPEN_IN_NEW),
    FAVOURITE(MaterialDesignS.STAR),
    NOT_FAVOURITE(MaterialDesignS.STAR_OUTLINE),
    ADD(MaterialDesignP.PLUS),
    EXPORT(MaterialDesignP.PACKAGE_DOWN);

    private final Ikon ikon;

    Icon(Ikon ikon) {
        this.ikon = ikon;
    }

    /** The STATUS cell's icon, so a row's state is readable without colour. */
    public static Icon of(PodCategory category) {
        return switch (category) {
            case PENDING -> POD_PENDING;
            case RUNNING -> POD_RUNNING;
            case RUNNING_NOT_READY -> POD_NOT_READY;
            case SUCCEEDED -> POD_SUCCEEDED;
            case FAILED -> POD_FAILED;
            case WARNING -> POD_WARNING;
            case TERMINATING -> POD_TERMINATING;
            case UNKNOWN -> POD_UNKNOWN;
        };
    }

    public FontIcon graphic() {
        return new FontIcon(ikon);
    }

    public Ikon ikon() {
        return ikon;
    }
}
