package org.inquest.app.ui.slice;

/** A named reference/current pair offered in the slice bar's presets menu. */
public record SlicePreset(String name, SliceSpec spec) {
    @Override
    public String toString() {
        return name;
    }
}
