package dev.backcast.query.audit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MerkleTreeTest {

    @Test
    void everyLeafOfTreesOfOneToSeventeenLeavesIsProvenByItsPathAlone() {
        for (int size = 1; size <= 17; size++) {
            List<byte[]> leaves = leaves(size);
            byte[] root = MerkleTree.root(leaves);
            for (int index = 0; index < size; index++) {
                assertThat(MerkleTree.proves(leaves.get(index), MerkleTree.proof(leaves, index), root))
                        .as("leaf %d of %d", index, size).isTrue();
            }
        }
    }

    @Test
    void aProofDoesNotProveAnotherLeafOrAnotherRevision() {
        List<byte[]> leaves = leaves(5);
        byte[] root = MerkleTree.root(leaves);
        List<MerkleTree.Step> proofOfSecond = MerkleTree.proof(leaves, 1);
        assertThat(MerkleTree.proves(leaves.get(2), proofOfSecond, root)).isFalse();
        assertThat(MerkleTree.proves(MerkleTree.leaf("plan-1", 8, new byte[32]), proofOfSecond, root)).isFalse();
    }

    @Test
    void theRootOfTwoLeavesIsTheHashOfOneThenBoth() {
        List<byte[]> leaves = leaves(2);
        var sha256 = EventChain.sha256();
        sha256.update((byte) 1);
        sha256.update(leaves.get(0));
        sha256.update(leaves.get(1));
        assertThat(MerkleTree.root(leaves)).isEqualTo(sha256.digest());
    }

    private static List<byte[]> leaves(int size) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            leaves.add(MerkleTree.leaf("plan-" + i, 7, EventChain.sha256().digest(new byte[] {(byte) i})));
        }
        return leaves;
    }
}
