package dev.backcast.query.plans;

import org.springframework.data.jpa.repository.JpaRepository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Checkpoints of long plans. */
public interface PlanCheckpointRepository extends JpaRepository<PlanCheckpoint, RevisionRow.Key> {

    Optional<PlanCheckpoint> findFirstByPlanIdAndRevisionLessThanEqualOrderByRevisionDesc(UUID planId, long revision);

    Optional<PlanCheckpoint> findFirstByPlanIdAndRecordedAtLessThanEqualOrderByRevisionDesc(UUID planId, Instant at);
}
