package dev.backcast.query.audit;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A signed statement of every plan's head at one moment, for the organisation to keep outside Backcast. The
 * signature covers {@link #signedText()}, and through the root hash every plan's head revision and chain hash.
 *
 * @param plans     every plan's head, ordered by plan id: the leaves of the Merkle tree, in order; left out where
 *                  one plan's inclusion proof stands in for the list
 * @param signature Ed25519 over {@link #signedText()} in UTF-8, Base64
 */
public record SealStatement(UUID sealId, Instant takenAt, String algorithm, String keyFingerprint, String rootHash,
                            int planCount, List<SealedPlan> plans, String signature) {

    public static final String ALGORITHM = "Ed25519";

    public record SealedPlan(String planId, long revision, String chainHash) {

        byte[] leaf() {
            return MerkleTree.leaf(planId, revision, EventChain.unhex(chainHash));
        }
    }

    /** The text the signature covers, one item per line: format, seal id, time, algorithm, key, root, plan count. */
    public String signedText() {
        return String.join("\n", "backcast-seal-v1", String.valueOf(sealId), String.valueOf(takenAt), algorithm,
                keyFingerprint, rootHash, String.valueOf(planCount)) + "\n";
    }

    public byte[] signedBytes() {
        return signedText().getBytes(StandardCharsets.UTF_8);
    }

    public List<byte[]> leaves() {
        return plans.stream().map(SealedPlan::leaf).toList();
    }

    /** The root hash the listed plans produce, to compare with the sealed {@link #rootHash}. */
    public String computedRootHash() {
        return EventChain.hex(MerkleTree.root(leaves()));
    }

    public SealStatement withSignature(String newSignature) {
        return new SealStatement(sealId, takenAt, algorithm, keyFingerprint, rootHash, planCount, plans, newSignature);
    }

    /** The same seal without its plan list, for one plan's inclusion proof to stand in for it. */
    public SealStatement withoutPlans() {
        return new SealStatement(sealId, takenAt, algorithm, keyFingerprint, rootHash, planCount, null, signature);
    }

    /**
     * Why this seal cannot be trusted with {@code key}, if it cannot: another key, a wrong signature, or a plan list
     * that does not produce the signed root.
     */
    public Optional<String> untrustworthyWith(PublicKey key) {
        if (!ALGORITHM.equals(algorithm)) {
            return Optional.of("the seal is signed with " + algorithm + ", not " + ALGORITHM);
        }
        if (!SealKeys.fingerprint(key).equals(keyFingerprint)) {
            return Optional.of("the seal was made with another key (" + keyFingerprint + ") than "
                    + SealKeys.fingerprint(key));
        }
        if (rootHash == null || !SealKeys.verifies(key, signedBytes(), signature)) {
            return Optional.of("the seal's signature does not verify: the seal is not as it was signed");
        }
        if (plans != null && (plans.size() != planCount || !computedRootHash().equals(rootHash))) {
            return Optional.of("the plans listed in the seal do not produce its signed root hash " + rootHash);
        }
        return Optional.empty();
    }

    public int indexOf(String planId) {
        for (int i = 0; i < plans.size(); i++) {
            if (plans.get(i).planId().equals(planId)) {
                return i;
            }
        }
        return -1;
    }
}
