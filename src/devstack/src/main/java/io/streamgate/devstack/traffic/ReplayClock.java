package io.streamgate.devstack.traffic;

/**
 * Time compression for a looped replay: maps a moment of the recording, in a given loop, to the wall
 * clock. Loop {@code n} starts {@code n × (recording length + gap) / speed} after the replay started,
 * so the recording's relative timing is kept, only faster.
 *
 * @param recordingStart first row's time, epoch ms
 * @param recordingEnd   last row's time, epoch ms
 * @param loopGap        recording time between the last snapshot of a loop and the first of the next, ms
 * @param speed          recording milliseconds per wall-clock millisecond (10 = ten times faster)
 * @param replayStart    wall-clock time at which loop 0 plays the first row, epoch ms
 */
public record ReplayClock(long recordingStart, long recordingEnd, long loopGap, double speed, long replayStart) {

    public ReplayClock {
        if (recordingEnd < recordingStart) {
            throw new IllegalArgumentException("the recording ends before it starts");
        }
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("the replay speed must be a positive factor, not " + speed);
        }
        if (loopGap < 0) {
            throw new IllegalArgumentException("the loop gap must not be negative");
        }
    }

    /** Recording time of one loop, gap included. */
    public long loopLength() {
        return recordingEnd - recordingStart + loopGap;
    }

    /** Wall-clock time (epoch ms) at which the recording moment {@code recorded} of loop {@code loop} plays. */
    public long wallClockOf(long loop, long recorded) {
        double offset = (loop * (double) loopLength() + (recorded - recordingStart)) / speed;
        return replayStart + Math.round(offset);
    }

    /** The recording moment playing at wall-clock time {@code wallClock}, in its loop. */
    public long recordingTimeAt(long wallClock) {
        double elapsed = (wallClock - replayStart) * speed;
        return recordingStart + (long) Math.floorMod((long) Math.floor(elapsed), loopLength());
    }

    /** Which loop plays at wall-clock time {@code wallClock}, from 0. */
    public long loopAt(long wallClock) {
        return Math.floorDiv((long) Math.floor((wallClock - replayStart) * speed), loopLength());
    }
}
