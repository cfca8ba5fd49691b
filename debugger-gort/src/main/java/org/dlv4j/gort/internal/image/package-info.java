/**
 * Finds the Go runtime's tables in an ELF file: the pclntab section, the text start and the
 * module data ({@code runtime.firstmoduledata}) that gives the base of funcdata. Not exported.
 */
package org.dlv4j.gort.internal.image;
