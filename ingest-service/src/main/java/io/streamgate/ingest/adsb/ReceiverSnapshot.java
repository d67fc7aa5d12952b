package io.streamgate.ingest.adsb;

import java.time.Instant;
import java.util.List;

import io.streamgate.platform.aviation.AircraftPosition;

/**
 * What one {@code aircraft.json} said: the aircraft that had a position, and how many did not.
 *
 * @param receiverTime    the receiver's clock when it wrote the file ({@code now})
 * @param positions       one per aircraft with a position, in file order
 * @param withoutPosition aircraft the receiver tracks but has no position for (nothing is written for them)
 */
public record ReceiverSnapshot(Instant receiverTime, List<AircraftPosition> positions, int withoutPosition) {
}
