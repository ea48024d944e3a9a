package dev.backcast.query.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree a seal signs: one leaf per plan, in the order of the seal's plan list (by plan id), so proving one
 * plan's head needs only the hashes along its path. {@code leaf = SHA-256(00 || field(planId) || field(revision) ||
 * chainHash)}, {@code node = SHA-256(01 || left || right)}; the last node of a level with an odd count moves up
 * unchanged; the root of no plans is SHA-256 of nothing. Fields are encoded as in {@link EventChain}.
 */
public final class MerkleTree {

    /** One step of an inclusion proof: the sibling's hash and on which side of the path it lies. */
    public record Step(Side side, String hash) {
    }

    public enum Side { LEFT, RIGHT }

    private MerkleTree() {
    }

    public static byte[] leaf(String planId, long revision, byte[] chainHash) {
        MessageDigest sha256 = EventChain.sha256();
        sha256.update((byte) 0);
        field(sha256, planId.getBytes(StandardCharsets.UTF_8));
        field(sha256, Long.toString(revision).getBytes(StandardCharsets.UTF_8));
        sha256.update(chainHash);
        return sha256.digest();
    }

    public static byte[] root(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return EventChain.sha256().digest();
        }
        List<byte[]> level = leaves;
        while (level.size() > 1) {
            level = parents(level);
        }
        return level.get(0);
    }

    /** The path from leaf {@code index} to the root. */
    public static List<Step> proof(List<byte[]> leaves, int index) {
        List<Step> steps = new ArrayList<>();
        List<byte[]> level = leaves;
        int position = index;
        while (level.size() > 1) {
            int sibling = position ^ 1;
            if (sibling < level.size()) {
                steps.add(new Step(sibling < position ? Side.LEFT : Side.RIGHT, EventChain.hex(level.get(sibling))));
            }
            level = parents(level);
            position /= 2;
        }
        return steps;
    }

    public static byte[] rootFromProof(byte[] leaf, List<Step> proof) {
        byte[] hash = leaf;
        for (Step step : proof) {
            byte[] sibling = EventChain.unhex(step.hash());
            hash = step.side() == Side.LEFT ? node(sibling, hash) : node(hash, sibling);
        }
        return hash;
    }

    public static boolean proves(byte[] leaf, List<Step> proof, byte[] root) {
        return Arrays.equals(rootFromProof(leaf, proof), root);
    }

    private static List<byte[]> parents(List<byte[]> level) {
        List<byte[]> parents = new ArrayList<>((level.size() + 1) / 2);
        for (int i = 0; i < level.size(); i += 2) {
            parents.add(i + 1 < level.size() ? node(level.get(i), level.get(i + 1)) : level.get(i));
        }
        return parents;
    }

    private static byte[] node(byte[] left, byte[] right) {
        MessageDigest sha256 = EventChain.sha256();
        sha256.update((byte) 1);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }

    private static void field(MessageDigest digest, byte[] value) {
        digest.update(ByteBuffer.allocate(4).putInt(value.length).array());
        digest.update(value);
    }
}
