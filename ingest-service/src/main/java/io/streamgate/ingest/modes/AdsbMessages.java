package io.streamgate.ingest.modes;

/**
 * The 56-bit ME field of DF17/18 by type code, and the BDS 3,0 RA report. Bit numbers in comments are
 * 1-based within ME, as in DO-260B and ICAO Doc 9871.
 */
final class AdsbMessages {

    private static final double TRACK_UNIT = 360.0 / 128;
    private static final double HEADING_UNIT = 360.0 / 1024;
    private static final double SELECTED_HEADING_UNIT = 180.0 / 256;

    private AdsbMessages() {
    }

    /** ME bits {@code from..to}, 1-based and inclusive. */
    private static int bits(long me, int from, int to) {
        return (int) ((me >>> (56 - to)) & ((1L << (to - from + 1)) - 1));
    }

    static void decode(long me, ModeSFrame f) {
        int tc = bits(me, 1, 5);
        f.typeCode = tc;
        f.subtype = bits(me, 6, 8);
        switch (tc) {
            case 1, 2, 3, 4 -> identification(me, f, tc);
            case 5, 6, 7, 8 -> surfacePosition(me, f, tc);
            case 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 20, 21, 22 -> airbornePosition(me, f, tc);
            case 19 -> velocity(me, f);
            case 28 -> aircraftStatus(me, f);
            case 29 -> targetState(me, f);
            case 31 -> operationalStatus(me, f);
            default -> {
                // 0: no position; 23 test; 24 surface system status; 25–27 reserved
            }
        }
    }

    private static void identification(long me, ModeSFrame f, int tc) {
        f.categorySet = (char) ('A' + 4 - tc);
        f.category = bits(me, 6, 8);
        f.setCallsign(me & 0xFFFFFFFFFFFFL);
    }

    private static void surfacePosition(long me, ModeSFrame f, int tc) {
        f.onGroundKnown = true;
        f.onGround = true;
        double speed = movement(bits(me, 6, 12));
        if (speed >= 0) {
            f.groundSpeedKt = speed;
            f.groundSpeedValid = true;
        }
        if (bits(me, 13, 13) == 1) {
            f.trackDeg = bits(me, 14, 20) * TRACK_UNIT;
            f.trackValid = true;
        }
        cpr(me, f, true);
        f.nic = switch (tc) {
            case 5 -> 11;
            case 6 -> 10;
            default -> -1; // 7 and 8 depend on the NIC supplements
        };
    }

    /** Surface movement in knots (the quantised scale of DO-260B §2.2.3.2.4.2); -1 when unknown. */
    static double movement(int mov) {
        if (mov == 0 || mov > 124) {
            return -1;
        }
        if (mov == 1) {
            return 0;
        }
        if (mov < 9) {
            return 0.125 + (mov - 2) * 0.125;
        }
        if (mov < 13) {
            return 1 + (mov - 9) * 0.25;
        }
        if (mov < 39) {
            return 2 + (mov - 13) * 0.5;
        }
        if (mov < 94) {
            return 15 + (mov - 39);
        }
        if (mov < 109) {
            return 70 + (mov - 94) * 2;
        }
        if (mov < 124) {
            return 100 + (mov - 109) * 5;
        }
        return 175; // 124: 175 kt or more
    }

    private static void airbornePosition(long me, ModeSFrame f, int tc) {
        f.onGroundKnown = true;
        f.onGround = false;
        int altitude = AltitudeCodes.ac12(bits(me, 9, 20));
        if (altitude != AltitudeCodes.INVALID) {
            f.altitudeFt = altitude;
            f.altitudeValid = true;
            f.altitudeGnss = tc >= 20;
        }
        cpr(me, f, false);
        f.nic = switch (tc) {
            case 9, 20 -> 11;
            case 10, 21 -> 10;
            case 12 -> 7;
            case 14 -> 5;
            case 15 -> 4;
            case 17 -> 1;
            case 18, 22 -> 0;
            default -> -1; // 11, 13 and 16 depend on the NIC supplements
        };
    }

    private static void cpr(long me, ModeSFrame f, boolean surface) {
        f.cprOdd = bits(me, 22, 22) == 1;
        f.cprLat = bits(me, 23, 39);
        f.cprLon = bits(me, 40, 56);
        f.cprSurface = surface;
        f.cprValid = true;
    }

    private static void velocity(long me, ModeSFrame f) {
        int st = f.subtype;
        if (st < 1 || st > 4) {
            return;
        }
        int factor = (st == 2 || st == 4) ? 4 : 1;
        if (st <= 2) {
            int vew = bits(me, 15, 24);
            int vns = bits(me, 26, 35);
            if (vew != 0 && vns != 0) {
                double east = (vew - 1) * factor * (bits(me, 14, 14) == 1 ? -1 : 1);
                double north = (vns - 1) * factor * (bits(me, 25, 25) == 1 ? -1 : 1);
                f.groundSpeedKt = Math.sqrt(east * east + north * north);
                f.groundSpeedValid = true;
                double track = Math.toDegrees(Math.atan2(east, north));
                f.trackDeg = track < 0 ? track + 360 : track;
                f.trackValid = true;
            }
        } else {
            if (bits(me, 14, 14) == 1) {
                f.headingDeg = bits(me, 15, 24) * HEADING_UNIT;
                f.headingValid = true;
            }
            int airspeed = bits(me, 26, 35);
            if (airspeed != 0) {
                f.airspeedKt = (airspeed - 1) * factor;
                f.airspeedTrue = bits(me, 25, 25) == 1;
                f.airspeedValid = true;
            }
        }
        int vr = bits(me, 38, 46);
        if (vr != 0) {
            f.verticalRateFpm = (vr - 1) * 64 * (bits(me, 37, 37) == 1 ? -1 : 1);
            f.verticalRateBaro = bits(me, 36, 36) == 1;
            f.verticalRateValid = true;
        }
        int diff = bits(me, 50, 56);
        if (diff != 0) {
            f.gnssBaroDiffFt = (diff - 1) * 25 * (bits(me, 49, 49) == 1 ? -1 : 1);
            f.gnssBaroDiffValid = true;
        }
    }

    private static void aircraftStatus(long me, ModeSFrame f) {
        if (f.subtype == 1) {
            f.emergencyState = bits(me, 9, 11);
            int id = bits(me, 12, 24);
            if (id != 0 || f.emergencyState != 0) {
                f.squawk = AltitudeCodes.id13ToGillham(id);
                f.squawkValid = true;
            }
        } else if (f.subtype == 2) {
            resolutionAdvisory(me, f, false);
        }
    }

    private static void targetState(long me, ModeSFrame f) {
        f.subtype = bits(me, 6, 7);
        if (f.subtype != 1) {
            return; // version 1 layout (subtype 0) is not decoded
        }
        f.silSupplement = bits(me, 8, 8);
        f.selectedAltitudeFms = bits(me, 9, 9) == 1;
        int altitude = bits(me, 10, 20);
        if (altitude != 0) {
            f.selectedAltitudeFt = (altitude - 1) * 32;
            f.selectedAltitudeValid = true;
        }
        int baro = bits(me, 21, 29);
        if (baro != 0) {
            f.baroSettingHpa = 800 + (baro - 1) * 0.8;
            f.baroSettingValid = true;
        }
        if (bits(me, 30, 30) == 1) {
            f.selectedHeadingDeg = bits(me, 31, 39) * SELECTED_HEADING_UNIT;
            f.selectedHeadingValid = true;
        }
        f.nacp = bits(me, 40, 43);
        f.sil = bits(me, 45, 46);
        if (bits(me, 47, 47) == 1) {
            f.modesValid = true;
            f.autopilot = bits(me, 48, 48) == 1;
            f.vnav = bits(me, 49, 49) == 1;
            f.altitudeHold = bits(me, 50, 50) == 1;
            f.approach = bits(me, 52, 52) == 1;
            f.lnav = bits(me, 54, 54) == 1;
        }
        f.tcasOperational = bits(me, 53, 53) == 1;
    }

    private static void operationalStatus(long me, ModeSFrame f) {
        if (f.subtype > 1) {
            return;
        }
        f.adsbVersion = bits(me, 41, 43);
        if (f.adsbVersion == 0) {
            return; // version 0 carries no accuracy fields here
        }
        f.nicSupplementA = bits(me, 44, 44);
        f.nacp = bits(me, 45, 48);
        if (f.subtype == 0) {
            f.gva = bits(me, 49, 50);
        }
        f.sil = bits(me, 51, 52);
        if (f.adsbVersion >= 2) {
            f.silSupplement = bits(me, 55, 55);
        }
    }

    /**
     * BDS 3,0 (ACAS active resolution advisory) from an MB/MV field or a TC28 subtype 2 ME: ARA bits 9–22,
     * RAC 23–26, RAT 27, MTE 28, TTI 29–30, threat identity 31–56.
     *
     * @param strict true for a field that says BDS 3,0 only by its first byte (DF16/20/21): reject the
     *               reserved threat type so that another register starting with 0x30 is not read as an RA
     */
    static void resolutionAdvisory(long field, ModeSFrame f, boolean strict) {
        int tti = bits(field, 29, 30);
        if (tti == 3 && strict) {
            return;
        }
        f.ara = bits(field, 9, 22);
        f.rac = bits(field, 23, 26);
        f.raTerminated = bits(field, 27, 27) == 1;
        f.multipleThreats = bits(field, 28, 28) == 1;
        f.threatType = tti;
        if (tti == 1) {
            f.threatAddress = bits(field, 31, 54);
        }
        f.raValid = true;
    }
}
