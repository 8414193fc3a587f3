package nl.wijkopmaat.common;

/**
 * The fixed list of themes of wijkgericht werken, shared by initiatives, dialoogtafels and the monitor.
 */
public enum Theme {
    LEEFBAARHEID, VEILIGHEID, EENZAAMHEID, GEZONDHEID, JONGEREN, OUDEREN, DUURZAAMHEID, GROEN, CULTUUR, ARMOEDE, OVERIG
}
