package io.credence.workbench.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Every workbench text, from the per-feature bundles under {@code i18n/}. One bundle per feature
 * keeps translations next to the feature that owns them; keys carry the feature's prefix so the
 * bundles merge without clashes, and a clash stops start-up rather than showing the wrong text.
 */
@Component
public class WorkbenchTranslations implements I18NProvider {

    private static final Logger log = LoggerFactory.getLogger(WorkbenchTranslations.class);

    private final List<String> bundles;
    private final Map<Locale, Map<String, String>> byLocale = new ConcurrentHashMap<>();

    public WorkbenchTranslations() {
        this(bundleNames());
    }

    WorkbenchTranslations(List<String> bundles) {
        this.bundles = List.copyOf(bundles);
        for (Language language : Language.values()) texts(language.locale());
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return Language.locales();
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        String pattern = texts(Language.of(locale).locale()).get(key);
        if (pattern == null) {
            log.warn("No workbench text for key '{}'", key);
            return "!" + key + "!";
        }
        if (params.length == 0) return pattern;
        return new MessageFormat(pattern, Language.of(locale).locale()).format(params);
    }

    /** Every key and text of one language, for the key-sync test. */
    Map<String, String> texts(Locale locale) {
        return byLocale.computeIfAbsent(locale, this::load);
    }

    private Map<String, String> load(Locale locale) {
        Map<String, String> texts = new HashMap<>();
        Map<String, String> owner = new HashMap<>();
        for (String bundle : bundles) {
            ResourceBundle resources;
            try {
                resources = ResourceBundle.getBundle(
                        "i18n." + bundle,
                        locale,
                        WorkbenchTranslations.class.getClassLoader(),
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            } catch (MissingResourceException missing) {
                throw new IllegalStateException("Workbench bundle i18n/" + bundle + " is missing", missing);
            }
            for (String key : resources.keySet()) {
                String previous = owner.putIfAbsent(key, bundle);
                if (previous != null && !previous.equals(bundle)) {
                    throw new IllegalStateException(
                            "Workbench text key '" + key + "' is in both i18n/" + previous + " and i18n/" + bundle);
                }
                texts.put(key, resources.getString(key));
            }
        }
        return Map.copyOf(texts);
    }

    /** The base names of the bundles on the class path: i18n/policy.properties is "policy". */
    static List<String> bundleNames() {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver(WorkbenchTranslations.class.getClassLoader())
                    .getResources("classpath*:i18n/*.properties");
            TreeSet<String> names = new TreeSet<>();
            for (Resource resource : found) {
                String file = resource.getFilename();
                if (file == null) continue;
                String base = file.substring(0, file.length() - ".properties".length());
                if (!base.contains("_")) names.add(base);
            }
            return new ArrayList<>(names);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the workbench's i18n bundles", e);
        }
    }
}
