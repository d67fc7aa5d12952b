package io.streamgate.ingest.modes;

/**
 * Decodes Mode S downlink frames into a reusable {@link ModeSFrame}: parity check (with optional
 * single-bit correction of DF17/18), address recovery for the formats that overlay it on the parity
 * (believed only for addresses in the {@link IcaoFilter}), and the fields of DF0/4/5/11/16/17/18/20/21.
 * Allocation-free; one instance per thread (it owns its filter).
 */
public final class ModeSDecoder {

    private final IcaoFilter filter;
    private final boolean correctSingleBit;
    private final boolean checkCrc;

    /**
     * @param filter           the addresses heard in clear; the decoder adds to it from DF11/17/18
     * @param correctSingleBit repair one flipped bit in DF17/18 (never in the five DF bits), as readsb does
     */
    public ModeSDecoder(IcaoFilter filter, boolean correctSingleBit) {
        this(filter, correctSingleBit, true);
    }

    private ModeSDecoder(IcaoFilter filter, boolean correctSingleBit, boolean checkCrc) {
        this.filter = filter;
        this.correctSingleBit = correctSingleBit;
        this.checkCrc = checkCrc;
    }

    /**
     * A decoder that reads extended squitters whatever their parity says: for test vectors published
     * with a zero parity field, never for off-air input.
     */
    public static ModeSDecoder ignoringParity(IcaoFilter filter) {
        return new ModeSDecoder(filter, false, false);
    }

    /**
     * @param nowMillis the time the frame was received, for the ICAO filter's expiry
     */
    public DecodeResult decode(byte[] src, int offset, int length, long nowMillis, ModeSFrame frame) {
        frame.reset();
        if (length != 7 && length != 14) {
            return DecodeResult.BAD_LENGTH;
        }
        byte[] m = frame.bytes;
        System.arraycopy(src, offset, m, 0, length);
        frame.length = length;
        int df = (m[0] & 0xFF) >>> 3;
        if (df >= 24) {
            df = 24; // Comm-D: only the first two bits are the format
        }
        frame.df = df;
        if (length != expectedLength(df)) {
            return DecodeResult.BAD_LENGTH;
        }
        switch (df) {
            case 17, 18:
                return extendedSquitter(frame, nowMillis);
            case 11:
                return allCall(frame, nowMillis);
            case 0, 4, 5, 16, 20, 21:
                return surveillance(frame, nowMillis);
            default:
                return DecodeResult.UNSUPPORTED;
        }
    }

    private static int expectedLength(int df) {
        return df < 16 ? 7 : 14;
    }

    private DecodeResult extendedSquitter(ModeSFrame f, long nowMillis) {
        byte[] m = f.bytes;
        DecodeResult result = DecodeResult.ACCEPTED;
        int residue = Crc24.residue(m, 0, 14);
        if (residue != 0 && checkCrc) {
            int bit = correctSingleBit ? Crc24.singleBitError(residue) : -1;
            if (bit < 5) { // -1: not a single-bit error; 0–4: would change the format itself
                return DecodeResult.BAD_CRC;
            }
            m[bit >> 3] ^= (byte) (0x80 >>> (bit & 7));
            f.correctedBit = bit;
            result = DecodeResult.CORRECTED;
        }
        f.ca = m[0] & 7;
        f.address = address(m);
        boolean adsb = true;
        if (f.df == 17) {
            filter.seen(f.address, nowMillis);
            airborneOrGround(f, f.ca);
        } else {
            switch (f.ca) {
                case 0 -> filter.seen(f.address, nowMillis);
                case 1, 5 -> f.nonIcao = true;
                case 2, 6 -> {
                    // TIS-B fine / ADS-R: an ICAO address relayed by a ground station, not heard in clear here.
                }
                default -> adsb = false; // TIS-B coarse, management, reserved: other layouts
            }
        }
        if (adsb) {
            AdsbMessages.decode(me(m), f);
        }
        return result;
    }

    private DecodeResult allCall(ModeSFrame f, long nowMillis) {
        byte[] m = f.bytes;
        int residue = Crc24.residue(m, 0, 7);
        if ((residue & ~0x7F) != 0) {
            return DecodeResult.BAD_CRC;
        }
        f.interrogator = residue;
        f.ca = m[0] & 7;
        f.address = address(m);
        if (residue == 0) {
            // Only a clean squitter vouches for the address: a corrupt frame can pass with a low residue.
            filter.seen(f.address, nowMillis);
        }
        airborneOrGround(f, f.ca);
        return DecodeResult.ACCEPTED;
    }

    private DecodeResult surveillance(ModeSFrame f, long nowMillis) {
        byte[] m = f.bytes;
        int address = Crc24.residue(m, 0, f.length);
        if (!filter.contains(address, nowMillis)) {
            f.address = address;
            return DecodeResult.UNKNOWN_ADDRESS;
        }
        f.address = address;
        f.addressFromParity = true;
        int df = f.df;
        int thirteen = ((m[2] & 0x1F) << 8) | (m[3] & 0xFF);
        if (df == 0 || df == 16) {
            f.onGroundKnown = true;
            f.onGround = (m[0] & 0x04) != 0; // VS
        } else {
            f.flightStatus = m[0] & 7;
            switch (f.flightStatus) {
                case 0, 2 -> {
                    f.onGroundKnown = true;
                    f.onGround = false;
                }
                case 1, 3 -> {
                    f.onGroundKnown = true;
                    f.onGround = true;
                }
                default -> {
                    // SPI, or alert with SPI: airborne or on the ground
                }
            }
        }
        if (df == 5 || df == 21) {
            f.squawk = AltitudeCodes.id13ToGillham(thirteen);
            f.squawkValid = true;
        } else {
            int altitude = AltitudeCodes.ac13(thirteen);
            if (altitude != AltitudeCodes.INVALID) {
                f.altitudeFt = altitude;
                f.altitudeValid = true;
            }
        }
        if (df == 16 || df == 20 || df == 21) {
            long mb = me(m);
            if ((mb >>> 48) == 0x30) {
                AdsbMessages.resolutionAdvisory(mb, f, true);
            }
        }
        return DecodeResult.ACCEPTED;
    }

    private static void airborneOrGround(ModeSFrame f, int ca) {
        if (ca == 4) {
            f.onGroundKnown = true;
            f.onGround = true;
        } else if (ca == 5) {
            f.onGroundKnown = true;
            f.onGround = false;
        }
    }

    private static int address(byte[] m) {
        return ((m[1] & 0xFF) << 16) | ((m[2] & 0xFF) << 8) | (m[3] & 0xFF);
    }

    /** Bits 33–88 of a long frame: ME, MB or MV. */
    private static long me(byte[] m) {
        long me = 0;
        for (int i = 4; i < 11; i++) {
            me = (me << 8) | (m[i] & 0xFF);
        }
        return me;
    }
}
