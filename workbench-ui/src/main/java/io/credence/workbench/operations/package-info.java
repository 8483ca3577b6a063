/** What the team running Credence needs to see in the workbench: active drift alerts. */
package io.credence.workbench.operations;
