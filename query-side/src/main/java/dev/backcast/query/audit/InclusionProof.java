package dev.backcast.query.audit;

import java.util.List;

/** Proves that one plan's head is a leaf of a seal's Merkle tree, without the other plans. */
public record InclusionProof(String planId, long revision, String chainHash, String leafHash, String rootHash,
                             List<MerkleTree.Step> steps) {

    public static InclusionProof of(SealStatement seal, String planId) {
        int index = seal.indexOf(planId);
        SealStatement.SealedPlan sealed = seal.plans().get(index);
        return new InclusionProof(planId, sealed.revision(), sealed.chainHash(), EventChain.hex(sealed.leaf()),
                seal.rootHash(), MerkleTree.proof(seal.leaves(), index));
    }

    /** Whether the proof leads from this plan's sealed head to the seal's root. */
    public boolean provesInclusionIn(SealStatement seal) {
        byte[] leaf = MerkleTree.leaf(planId, revision, EventChain.unhex(chainHash));
        return EventChain.hex(leaf).equals(leafHash) && rootHash.equals(seal.rootHash())
                && MerkleTree.proves(leaf, steps, EventChain.unhex(seal.rootHash()));
    }
}
