package org.childjourney.query.readmodel;

/**
 * A rebuild asked for while other instances of the query API are alive: its switch hands its token to every segment
 * of the live processors, which only works while this instance holds them all.
 */
public final class OtherInstancesAlive extends RuntimeException {

    OtherInstancesAlive(int alive) {
        super(alive + " query API instances are alive; a rebuild runs with one");
    }
}
