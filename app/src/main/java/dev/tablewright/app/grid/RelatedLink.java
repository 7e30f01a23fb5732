package dev.tablewright.app.grid;

/**
 * A hop from one row along a relation: to its parent ({@code count} 1, or 0 when the key points
 * nowhere) or to its children ({@code count} of them; -1 while they are being counted).
 */
public record RelatedLink(String text, GridPlace place, boolean children, long count) {
}
