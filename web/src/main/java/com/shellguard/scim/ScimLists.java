package com.shellguard.scim;

import com.unboundid.scim2.common.ScimResource;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.utils.FilterEvaluator;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.util.ArrayList;
import java.util.List;

/**
 * A list request ({@code filter}, {@code startIndex}, {@code count}) over every resource of a kind: the filter is
 * parsed by the SDK ({@code Filter.fromString}) and evaluated by it on each resource as it is rendered, so every
 * operator of RFC 7644 3.4.2.2 works on every attribute shown. The evaluation is in memory, over all users or all
 * groups: right for a gateway's thousands of people, not for millions.
 */
final class ScimLists {

    static final int MAX_COUNT = 500;

    private ScimLists() {
    }

    static <T extends ScimResource> ListResponse<T> page(List<T> all, String filter, Integer startIndex, Integer count)
            throws ScimException {
        List<T> matching = all;
        if (filter != null && !filter.isBlank()) {
            Filter parsed = Filter.fromString(filter);
            matching = new ArrayList<>();
            for (T resource : all) {
                if (FilterEvaluator.evaluate(parsed, JsonUtils.valueToNode(resource))) {
                    matching.add(resource);
                }
            }
        }
        int start = startIndex == null || startIndex < 1 ? 1 : startIndex;
        int size = count == null ? MAX_COUNT : Math.max(0, Math.min(count, MAX_COUNT));
        int from = Math.min(start - 1, matching.size());
        List<T> page = matching.subList(from, Math.min(from + size, matching.size()));
        return new ListResponse<>(matching.size(), List.copyOf(page), start, page.size());
    }
}
