package org.childjourney.query.readmodel;

/**
 * A projection that can be built again into another generation of the read models: a rebuild runs a copy bound to
 * the new generation's collections, in a processor of its own, beside the live one.
 */
public interface RebuildableProjection {

    /** A copy of this projection that writes the read models of {@code generation}. */
    Object copyFor(ReadModels generation);
}
