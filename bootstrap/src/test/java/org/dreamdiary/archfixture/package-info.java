/**
 * A miniature of the house that breaks every rule of {@code HouseRules} on purpose, so that each rule is proven
 * able to fail. Nothing here is real code; only {@code HouseRulesCanFailTest} reads it, as bytecode.
 */
package org.dreamdiary.archfixture;
