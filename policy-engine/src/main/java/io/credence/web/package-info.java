/**
 * HTTP concerns shared by every API feature: the one place where domain exceptions become status
 * codes and RFC 9457 problem bodies, so no controller maps errors itself.
 */
package io.credence.web;
