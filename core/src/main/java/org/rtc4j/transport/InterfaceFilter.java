package org.rtc4j.transport;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Chooses the local addresses a connection gathers host candidates on. Tests and services that
 * must not touch the machine's real interfaces use {@link #loopbackOnly()} or
 * {@link #only(InetAddress...)}; the default takes every address of every interface that is up,
 * except loopback and link-local ones, as browsers do.
 */
public final class InterfaceFilter {

    private final Predicate<NetworkInterface> interfaces;
    private final Predicate<InetAddress> addresses;
    private final List<InetAddress> fixed;

    private InterfaceFilter(Predicate<NetworkInterface> interfaces, Predicate<InetAddress> addresses,
            List<InetAddress> fixed) {
        this.interfaces = interfaces;
        this.addresses = addresses;
        this.fixed = fixed;
    }

    /** Every up, non-loopback interface; IPv4 and global/ULA IPv6, no link-local addresses. */
    public static InterfaceFilter defaults() {
        return new InterfaceFilter(nif -> isUp(nif) && !isLoopback(nif),
                a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress() && !a.isAnyLocalAddress(), null);
    }

    /** 127.0.0.1 only: what tests use. */
    public static InterfaceFilter loopbackOnly() {
        return only(InetAddress.getLoopbackAddress());
    }

    /** Exactly these addresses, whatever interfaces exist. */
    public static InterfaceFilter only(InetAddress... addresses) {
        List<InetAddress> list = List.of(addresses);
        if (list.isEmpty()) {
            throw new IllegalArgumentException("no addresses");
        }
        return new InterfaceFilter(null, null, list);
    }

    /** Interfaces and addresses that pass both predicates. */
    public static InterfaceFilter of(Predicate<NetworkInterface> interfaces, Predicate<InetAddress> addresses) {
        return new InterfaceFilter(Objects.requireNonNull(interfaces), Objects.requireNonNull(addresses), null);
    }

    /** This filter restricted to IPv4 addresses. */
    public InterfaceFilter ipv4Only() {
        if (fixed != null) {
            List<InetAddress> v4 = new ArrayList<>();
            for (InetAddress a : fixed) {
                if (a instanceof Inet4Address) {
                    v4.add(a);
                }
            }
            return new InterfaceFilter(null, null, List.copyOf(v4));
        }
        return new InterfaceFilter(interfaces, addresses.and(a -> a instanceof Inet4Address), null);
    }

    /** The addresses to bind, IPv4 first (then IPv6), in interface order. */
    public List<InetAddress> select() {
        if (fixed != null) {
            return fixed;
        }
        List<InetAddress> v4 = new ArrayList<>();
        List<InetAddress> v6 = new ArrayList<>();
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!interfaces.test(nif)) {
                    continue;
                }
                for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                    if (!addresses.test(a)) {
                        continue;
                    }
                    if (a instanceof Inet6Address) {
                        v6.add(a);
                    } else {
                        v4.add(a);
                    }
                }
            }
        } catch (SocketException e) {
            throw new IllegalStateException("cannot list network interfaces", e);
        }
        v4.addAll(v6);
        return v4;
    }

    private static boolean isUp(NetworkInterface nif) {
        try {
            return nif.isUp();
        } catch (SocketException e) {
            return false;
        }
    }

    private static boolean isLoopback(NetworkInterface nif) {
        try {
            return nif.isLoopback();
        } catch (SocketException e) {
            return true;
        }
    }
}
