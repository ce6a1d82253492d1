package org.lurewatch.alert;

import java.util.List;
import java.util.stream.Collectors;

/** Every hotline and partner route, checked: ids are unique and safe as topic names, and a fallback exists. */
public record Routes(List<HotlineRoute> hotlines, List<PartnerRoute> partners) {
    public Routes {
        hotlines = List.copyOf(hotlines);
        partners = List.copyOf(partners);
        if (hotlines.stream().noneMatch(HotlineRoute::fallback)) {
            throw new RoutesException("routes need one hotline with 'fallback: true' so that no alert falls through");
        }
    }

    public List<String> hotlineIds() {
        return hotlines.stream().map(HotlineRoute::id).collect(Collectors.toUnmodifiableList());
    }

    public List<String> partnerIds() {
        return partners.stream().map(PartnerRoute::id).collect(Collectors.toUnmodifiableList());
    }
}
