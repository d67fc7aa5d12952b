package io.streamgate.ingest.adsb.sbs;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads SBS-1 BaseStation lines: {@code MSG,type,session,aircraft,hex,flight,date gen,time gen,date log,
 * time log,callsign,altitude,ground speed,track,lat,lon,vertical rate,squawk,alert,emergency,spi,on
 * ground}. Pure and thread-safe.
 */
public final class SbsParser {

    /** Fields of a {@code MSG} line; feeders that append more are tolerated, fewer means a cut line. */
    public static final int FIELDS = 22;

    private static final Pattern HEX = Pattern.compile("~?[0-9a-fA-F]{6}");
    private static final Pattern SQUAWK = Pattern.compile("[0-7]{4}");
    /** Plain decimals only: Java would also take {@code NaN}, {@code 1e3} or {@code 2.5d}, no feeder writes those. */
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder().appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    private SbsParser() {
    }

    /**
     * @return the message, or empty for a blank line or another BaseStation record type ({@code SEL, ID,
     *         AIR, STA, CLK}), which carry nothing a position needs
     * @throws MalformedSbsLineException for a {@code MSG} line that cannot be read
     */
    public static Optional<SbsMessage> parse(String line) throws MalformedSbsLineException {
        if (line == null || line.isBlank() || !line.startsWith("MSG,")) {
            return Optional.empty();
        }
        String[] f = line.split(",", -1);
        if (f.length < FIELDS) {
            throw new MalformedSbsLineException("expected " + FIELDS + " fields, got " + f.length);
        }
        int type = type(f[1]);
        String hex = f[4].strip();
        if (!HEX.matcher(hex).matches()) {
            throw new MalformedSbsLineException("hex is not a 24-bit address");
        }
        Double lat = decimal(f[14], -90, 90, "latitude");
        Double lon = decimal(f[15], -180, 180, "longitude");
        if ((lat == null) != (lon == null)) {
            throw new MalformedSbsLineException("latitude and longitude come in pairs");
        }
        String squawk = f[17].strip();
        if (!squawk.isEmpty() && !SQUAWK.matcher(squawk).matches()) {
            throw new MalformedSbsLineException("squawk is not four octal digits");
        }
        String callsign = f[10].strip();
        return Optional.of(new SbsMessage(type, hex.toLowerCase(Locale.ROOT), dateTime(f[6], f[7], "generated"),
                dateTime(f[8], f[9], "logged"), callsign.isEmpty() ? null : callsign,
                integer(f[11], "altitude"), decimal(f[12], 0, 5000, "ground speed"), decimal(f[13], 0, 360, "track"),
                lat, lon, integer(f[16], "vertical rate"), squawk.isEmpty() ? null : squawk,
                flag(f[18], "alert"), flag(f[19], "emergency"), flag(f[20], "spi"), flag(f[21], "on ground")));
    }

    private static int type(String field) throws MalformedSbsLineException {
        String value = field.strip();
        if (value.length() != 1 || value.charAt(0) < '1' || value.charAt(0) > '8') {
            throw new MalformedSbsLineException("transmission type must be 1 to 8");
        }
        return value.charAt(0) - '0';
    }

    private static LocalDateTime dateTime(String date, String time, String what) throws MalformedSbsLineException {
        if (date.isBlank() || time.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.of(LocalDate.parse(date.strip(), DATE), LocalTime.parse(time.strip(), TIME));
        } catch (DateTimeParseException e) {
            throw new MalformedSbsLineException(what + " date/time is not yyyy/MM/dd,HH:mm:ss.SSS");
        }
    }

    private static Integer integer(String field, String what) throws MalformedSbsLineException {
        String value = field.strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new MalformedSbsLineException(what + " is not a whole number");
        }
    }

    private static Double decimal(String field, double min, double max, String what) throws MalformedSbsLineException {
        String value = field.strip();
        if (value.isEmpty()) {
            return null;
        }
        if (!DECIMAL.matcher(value).matches()) {
            throw new MalformedSbsLineException(what + " is not a number");
        }
        double number = Double.parseDouble(value);
        if (!(number >= min && number <= max)) {
            throw new MalformedSbsLineException(what + " is outside " + min + " to " + max);
        }
        return number;
    }

    /** BaseStation flags: {@code -1} set, {@code 0} clear; some feeders write {@code 1} for set. */
    private static Boolean flag(String field, String what) throws MalformedSbsLineException {
        return switch (field.strip()) {
            case "" -> null;
            case "-1", "1" -> Boolean.TRUE;
            case "0" -> Boolean.FALSE;
            default -> throw new MalformedSbsLineException(what + " flag must be -1, 0 or empty");
        };
    }
}
