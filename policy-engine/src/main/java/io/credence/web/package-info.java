/**
 * HTTP concerns shared by every API feature: the one place where domain exceptions become status
 * codes and RFC 9457 problem bodies, so no controller maps errors itself; and the API's edge, ahead
 * of security and MVC: request body limits, security headers, and problem bodies for whatever fails
 * before a controller runs (filters, the firewall, Tomcat itself).
 */
@Feature(allowedDependencies = {"engine", "shared"})
@NullMarked
package io.credence.web;

import io.credence.shared.Feature;
import org.jspecify.annotations.NullMarked;
