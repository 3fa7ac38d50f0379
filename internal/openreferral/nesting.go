package openreferral

// nested finds the items linked to an item, to nest them in its document.
// It points into the export's lists rather than copying them, because a
// large export is held for the whole build.
type nested struct {
	export    *Export
	orgs      map[string]*Organization
	services  map[string]*Service
	locations map[string]*Location
	byOrg     map[string][]*Service           // organization id -> its services, in order
	locsOfOrg map[string][]*Location          // organization id -> its locations, in order
	sals      map[string][]*ServiceAtLocation // service id -> where it is delivered, in order
}

func nesting(e *Export) *nested {
	n := &nested{export: e, orgs: map[string]*Organization{}, services: map[string]*Service{}, locations: map[string]*Location{},
		byOrg: map[string][]*Service{}, locsOfOrg: map[string][]*Location{}, sals: map[string][]*ServiceAtLocation{}}
	for i := range e.Organizations {
		n.orgs[e.Organizations[i].ID] = &e.Organizations[i]
	}
	for i := range e.Services {
		s := &e.Services[i]
		n.services[s.ID] = s
		n.byOrg[s.OrganizationID] = append(n.byOrg[s.OrganizationID], s)
	}
	for i := range e.Locations {
		l := &e.Locations[i]
		n.locations[l.ID] = l
		n.locsOfOrg[l.OrganizationID] = append(n.locsOfOrg[l.OrganizationID], l)
	}
	for i := range e.ServiceAtLocations {
		s := &e.ServiceAtLocations[i]
		n.sals[s.ServiceID] = append(n.sals[s.ServiceID], s)
	}
	return n
}

// organization nests the organization's locations and (flat) services.
func (n *nested) organization(o Organization) Organization {
	o.Attributes = n.export.attributes(o.links, o.ID)
	for _, l := range n.locsOfOrg[o.ID] {
		o.Locations = append(o.Locations, *l)
	}
	for _, s := range n.byOrg[o.ID] {
		o.Services = append(o.Services, s.flat())
	}
	return o
}

// service nests the service's organization and where it is delivered.
func (n *nested) service(s Service) Service {
	s.Attributes = n.export.attributes(s.links, s.ID)
	if o, ok := n.orgs[s.OrganizationID]; ok {
		flat := o.flat()
		s.Organization = &flat
	}
	for _, sal := range n.sals[s.ID] {
		nest := *sal
		nest.Location = n.locations[sal.LocationID]
		s.ServiceAtLocations = append(s.ServiceAtLocations, nest)
	}
	return s
}

// serviceAtLocation nests the location and the (flat) service.
func (n *nested) serviceAtLocation(s ServiceAtLocation) ServiceAtLocation {
	s.Location = n.locations[s.LocationID]
	if svc, ok := n.services[s.ServiceID]; ok {
		flat := svc.flat()
		s.Service = &flat
	}
	return s
}
