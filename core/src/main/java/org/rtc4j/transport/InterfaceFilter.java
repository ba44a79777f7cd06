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

    /**
     * Every up, non-loopback interface; IPv4 and global/ULA IPv6, no link-local addresses.
     *
     * @return the default filter, as browsers gather
     */
    public static InterfaceFilter defaults() {
        return new InterfaceFilter(nif -> isUp(nif) && !isLoopback(nif),
                a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress() && !a.isAnyLocalAddress(), null);
    }

    /**
     * 127.0.0.1 only: what tests use.
     *
     * @return a filter selecting {@link InetAddress#getLoopbackAddress()} alone
     */
    public static InterfaceFilter loopbackOnly() {
        return only(InetAddress.getLoopbackAddress());
    }

    /**
     * Exactly these addresses, whatever interfaces exist.
     *
     * @param addresses the addresses to bind, in order; at least one, none null
     * @return a filter that selects them
     * @throws IllegalArgumentException if no address is given
     */
    public static InterfaceFilter only(InetAddress... addresses) {
        List<InetAddress> list = List.of(addresses);
        if (list.isEmpty()) {
            throw new IllegalArgumentException("no addresses");
        }
        return new InterfaceFilter(null, null, list);
    }

    /**
     * Interfaces and addresses that pass both predicates.
     *
     * @param interfaces which interfaces to look at; not null
     * @param addresses  which of their addresses to take; not null
     * @return a filter that applies both
     */
    public static InterfaceFilter of(Predicate<NetworkInterface> interfaces, Predicate<InetAddress> addresses) {
        return new InterfaceFilter(Objects.requireNonNull(interfaces), Objects.requireNonNull(addresses), null);
    }

    /**
     * This filter restricted to IPv4 addresses.
     *
     * @return a new filter; for {@link #only(InetAddress...)} it keeps the IPv4 ones, possibly
     *         none
     */
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

    /**
     * The addresses to bind, IPv4 first (then IPv6), in interface order.
     *
     * @return the addresses; for {@link #only(InetAddress...)}, those given, in order
     * @throws IllegalStateException if the network interfaces cannot be listed
     */
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
