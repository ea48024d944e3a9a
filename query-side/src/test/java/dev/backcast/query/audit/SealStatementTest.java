package dev.backcast.query.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SealStatementTest {

    private static final SealKeys KEYS = SealKeys.generate();
    private static final List<SealStatement.SealedPlan> PLANS = List.of(
            new SealStatement.SealedPlan("plan-a", 3, EventChain.hex(new byte[32])),
            new SealStatement.SealedPlan("plan-b", 9, EventChain.hex(EventChain.sha256().digest())));

    @Test
    void aSealSignedWithTheKeyIsTrusted() {
        assertThat(signed(KEYS, PLANS).untrustworthyWith(KEYS.publicKey())).isEmpty();
    }

    @Test
    void aSealOfAnotherKeyIsRejected() {
        assertThat(signed(SealKeys.generate(), PLANS).untrustworthyWith(KEYS.publicKey()))
                .hasValueSatisfying(reason -> assertThat(reason).contains("another key"));
    }

    @Test
    void aSealWithAnAlteredSignatureOrListIsRejected() {
        SealStatement seal = signed(KEYS, PLANS);
        byte[] signature = Base64.getDecoder().decode(seal.signature());
        signature[0] ^= 1;
        SealStatement forgedSignature = seal.withSignature(Base64.getEncoder().encodeToString(signature));
        assertThat(forgedSignature.untrustworthyWith(KEYS.publicKey()))
                .hasValueSatisfying(reason -> assertThat(reason).contains("signature"));
        SealStatement otherPlans = new SealStatement(seal.sealId(), seal.takenAt(), seal.algorithm(),
                seal.keyFingerprint(), seal.rootHash(), seal.planCount(),
                List.of(PLANS.get(0), new SealStatement.SealedPlan("plan-b", 10, PLANS.get(1).chainHash())),
                seal.signature());
        assertThat(otherPlans.untrustworthyWith(KEYS.publicKey()))
                .hasValueSatisfying(reason -> assertThat(reason).contains("root hash"));
    }

    @Test
    void aKeyWrittenAsPemReadsBackAsTheSameKey() {
        SealKeys read = SealKeys.read(KEYS.toPem());
        assertThat(read.fingerprint()).isEqualTo(KEYS.fingerprint());
        assertThat(signed(read, PLANS).untrustworthyWith(KEYS.publicKey())).isEmpty();
    }

    @Test
    void anInclusionProofStandsInForThePlanList() {
        SealStatement seal = signed(KEYS, PLANS);
        InclusionProof proof = InclusionProof.of(seal, "plan-b");
        assertThat(seal.withoutPlans().untrustworthyWith(KEYS.publicKey())).isEmpty();
        assertThat(proof.provesInclusionIn(seal.withoutPlans())).isTrue();
        InclusionProof otherRevision = new InclusionProof("plan-b", 8, proof.chainHash(), proof.leafHash(),
                proof.rootHash(), proof.steps());
        assertThat(otherRevision.provesInclusionIn(seal)).isFalse();
    }

    private static SealStatement signed(SealKeys keys, List<SealStatement.SealedPlan> plans) {
        String root = EventChain.hex(MerkleTree.root(plans.stream().map(SealStatement.SealedPlan::leaf).toList()));
        SealStatement unsigned = new SealStatement(UUID.randomUUID(), Instant.parse("2026-11-23T10:00:00Z"),
                SealStatement.ALGORITHM, keys.fingerprint(), root, plans.size(), plans, null);
        return unsigned.withSignature(keys.sign(unsigned.signedBytes()));
    }
}
