/**
 * The workbench's languages: English and Simplified Chinese. Texts live in one resource bundle per
 * feature under {@code i18n/} (keys prefixed with the feature), each with a {@code _zh_CN}
 * translation; a user's choice is kept with their account and the browser's language is the
 * default.
 */
@NullMarked
package io.credence.workbench.i18n;

import org.jspecify.annotations.NullMarked;
