package io.streamgate.ingest.entities;

import java.util.Locale;
import java.util.regex.Pattern;

import io.streamgate.platform.identity.Identity;

/** Reads the NGSI scope headers and decides whether the caller may use that scope. */
public final class Scopes {

    public static final String SERVICE_HEADER = "Fiware-Service";
    public static final String SERVICE_PATH_HEADER = "Fiware-ServicePath";
    public static final String ROOT_PATH = "/";

    private static final Pattern TENANT = Pattern.compile("[a-z0-9_]{1,50}");
    /** Orion's rule: absolute, at most 10 levels, each 1–50 alphanumerics or underscores. */
    private static final Pattern SERVICE_PATH = Pattern.compile("(/[A-Za-z0-9_]{1,50}){1,10}");

    private Scopes() {
    }

    /**
     * @param serviceHeader     {@code Fiware-Service}, or null/blank for the caller's own tenant
     * @param servicePathHeader {@code Fiware-ServicePath}, or null/blank for {@code /}
     * @throws NgsiProblemException 400 for a malformed header, 403 when the caller may not use the tenant
     */
    public static Scope resolve(String serviceHeader, String servicePathHeader, Identity caller) {
        // NGSI brokers treat the service name case-insensitively and store it lower-cased; so do we.
        String tenant = isBlank(serviceHeader) ? caller.tenant() : serviceHeader.strip().toLowerCase(Locale.ROOT);
        if (!TENANT.matcher(tenant).matches()) {
            throw NgsiProblemException.badRequest(isBlank(serviceHeader)
                    ? "the caller's tenant is not a valid NGSI service name; send " + SERVICE_HEADER
                    : SERVICE_HEADER + " must be 1 to 50 characters of a-z, 0-9 and _");
        }
        String servicePath = isBlank(servicePathHeader) ? ROOT_PATH : servicePathHeader.strip();
        if (!ROOT_PATH.equals(servicePath) && !SERVICE_PATH.matcher(servicePath).matches()) {
            throw NgsiProblemException.badRequest(SERVICE_PATH_HEADER + " must be '/' or an absolute path of at "
                    + "most 10 levels of 1 to 50 characters of A-Z, a-z, 0-9 and _ (no trailing '/'; "
                    + "'#' and lists of paths are not supported)");
        }
        // Reads are checked as well as writes: another tenant's entities are its data, not just its to change.
        if (!caller.mayAccessTenant(tenant)) {
            throw NgsiProblemException.forbidden("this caller may not access the tenant '" + tenant + "'");
        }
        return new Scope(tenant, servicePath);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
