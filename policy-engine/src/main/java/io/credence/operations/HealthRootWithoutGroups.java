package io.credence.operations;

import java.util.Set;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code GET /actuator/health} exactly {@code {"status":"UP"}}, as the contract promises, while
 * the liveness and readiness groups exist: Boot lists every group's name at the root once any group
 * is configured. The root takes the names from {@link HealthEndpointGroups#getNames()}, whereas
 * {@code /actuator/health/{group}} looks the group up by name, so hiding the names changes the root
 * body and nothing else. Ordered last, so it sees the groups every other post-processor made.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class HealthRootWithoutGroups implements HealthEndpointGroupsPostProcessor {

    @Override
    public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
        return new Unlisted(groups);
    }

    private record Unlisted(HealthEndpointGroups groups) implements HealthEndpointGroups {

        @Override
        public HealthEndpointGroup getPrimary() {
            return groups.getPrimary();
        }

        @Override
        public Set<String> getNames() {
            return Set.of();
        }

        @Override
        public HealthEndpointGroup get(String name) {
            return groups.get(name);
        }

        @Override
        public HealthEndpointGroup get(AdditionalHealthEndpointPath path) {
            return groups.get(path);
        }

        @Override
        public Set<HealthEndpointGroup> getAllWithAdditionalPath(WebServerNamespace namespace) {
            return groups.getAllWithAdditionalPath(namespace);
        }
    }
}
