/**
 * Admin pages: deploying and rolling back policies, fraud lists, API keys and users. Every change
 * goes through the engine's services, which record it in the audit trail.
 */
package io.credence.workbench.admin;
