package openreferral

// nested finds the items linked to an item, to nest them in its document.
type nested struct {
	orgs      map[string]Organization
	services  map[string]Service
	locations map[string]Location
	byOrg     map[string][]string // organization id -> service ids, in order
	locsOfOrg map[string][]string // organization id -> location ids, in order
	sals      map[string][]string // service id -> service-at-location ids, in order
	salByID   map[string]ServiceAtLocation
}

func nesting(e *Export) *nested {
	n := &nested{orgs: map[string]Organization{}, services: map[string]Service{}, locations: map[string]Location{},
		byOrg: map[string][]string{}, locsOfOrg: map[string][]string{}, sals: map[string][]string{},
		salByID: map[string]ServiceAtLocation{}}
	for _, o := range e.Organizations {
		n.orgs[o.ID] = o
	}
	for _, s := range e.Services {
		n.services[s.ID] = s
		n.byOrg[s.OrganizationID] = append(n.byOrg[s.OrganizationID], s.ID)
	}
	for _, l := range e.Locations {
		n.locations[l.ID] = l
		n.locsOfOrg[l.OrganizationID] = append(n.locsOfOrg[l.OrganizationID], l.ID)
	}
	for _, s := range e.ServiceAtLocations {
		n.salByID[s.ID] = s
		n.sals[s.ServiceID] = append(n.sals[s.ServiceID], s.ID)
	}
	return n
}

// organization nests the organization's locations and (flat) services.
func (n *nested) organization(o Organization) Organization {
	for _, id := range n.locsOfOrg[o.ID] {
		o.Locations = append(o.Locations, n.locations[id])
	}
	for _, id := range n.byOrg[o.ID] {
		o.Services = append(o.Services, n.services[id].flat())
	}
	return o
}

// service nests the service's organization and where it is delivered.
func (n *nested) service(s Service) Service {
	if o, ok := n.orgs[s.OrganizationID]; ok {
		flat := o.flat()
		s.Organization = &flat
	}
	for _, id := range n.sals[s.ID] {
		sal := n.salByID[id]
		if l, ok := n.locations[sal.LocationID]; ok {
			sal.Location = &l
		}
		s.ServiceAtLocations = append(s.ServiceAtLocations, sal)
	}
	return s
}

// serviceAtLocation nests the location and the (flat) service.
func (n *nested) serviceAtLocation(s ServiceAtLocation) ServiceAtLocation {
	if l, ok := n.locations[s.LocationID]; ok {
		s.Location = &l
	}
	if svc, ok := n.services[s.ServiceID]; ok {
		flat := svc.flat()
		s.Service = &flat
	}
	return s
}
