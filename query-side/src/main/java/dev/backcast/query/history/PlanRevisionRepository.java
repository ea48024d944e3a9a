package dev.backcast.query.history;

import dev.backcast.query.plans.RevisionRow;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import java.util.List;
import java.util.UUID;

/** Every plan's revision history. */
public interface PlanRevisionRepository extends JpaRepository<PlanRevision, RevisionRow.Key>,
        JpaSpecificationExecutor<PlanRevision> {

    List<PlanRevision> findByPlanIdOrderByRevision(UUID planId);
}
